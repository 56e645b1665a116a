//! How the allocation fix reads names, sizes and the dashboard's answer to a Create.

use allot_core::resize::*;

fn texts(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

#[test]
fn create_answers() {
    let accepted = CreateAnswer::Accepted;
    let unknown = CreateAnswer::Unknown;
    let refused = |why: &str| CreateAnswer::Refused(why.to_string());
    let cases: Vec<(&str, Vec<String>, bool, CreateAnswer)> = vec![
        (
            "Acme",
            texts(&["Company Acme was created."]),
            false,
            accepted.clone(),
        ),
        (
            "Acme",
            texts(&[
                "Home",
                "The company \"Acme\" has been created successfully!",
            ]),
            false,
            accepted.clone(),
        ),
        (
            "Acme Dental",
            texts(&["Successfully created company ACME  DENTAL"]),
            false,
            accepted.clone(),
        ),
        (
            "Acme Dental",
            texts(&["Company Acme Dental was created."]),
            false,
            accepted.clone(),
        ),
        // The same sentence names another company for a prefix of its name.
        (
            "Acme",
            texts(&["Company Acme Dental was created."]),
            false,
            unknown.clone(),
        ),
        (
            "Acme Dental",
            texts(&["Company Acme was created."]),
            false,
            unknown.clone(),
        ),
        // The form came back: refused, whatever else the page says.
        (
            "Acme",
            Vec::new(),
            true,
            refused("the create form came back"),
        ),
        (
            "Acme",
            texts(&["Company Acme was created."]),
            true,
            refused("the create form came back"),
        ),
        // An error on a page without the form.
        (
            "Acme",
            texts(&["Home", " Company name Acme already exists. "]),
            false,
            refused("Company name Acme already exists."),
        ),
        (
            "Acme",
            texts(&["Username is required"]),
            false,
            refused("Username is required"),
        ),
        (
            "Acme",
            texts(&["An error occurred while processing your request."]),
            false,
            refused("An error occurred while processing your request."),
        ),
        // Nothing either way.
        ("Acme", Vec::new(), false, unknown.clone()),
        (
            "Acme",
            texts(&["Home", "Companies", "Acme"]),
            false,
            unknown.clone(),
        ),
        ("Acme", texts(&["was created."]), false, unknown.clone()),
        (
            "",
            texts(&["Company  was created."]),
            false,
            unknown.clone(),
        ),
    ];
    for (company, page, form_shown, expected) in cases {
        assert_eq!(
            create_answer(company, &page, form_shown),
            expected,
            "{company:?} {page:?} {form_shown}"
        );
    }
}

#[test]
fn a_long_error_text_is_not_taken_for_a_refusal() {
    let page = vec!["error ".repeat(80)];
    assert_eq!(create_answer("Acme", &page, false), CreateAnswer::Unknown);
}

#[test]
fn sizes_are_read_leniently() {
    for (text, gb) in [
        ("10", Some(10)),
        ("10 GB", Some(10)),
        ("10GB", Some(10)),
        ("10.00 GB", Some(10)),
        (" 10\u{a0}gb ", Some(10)),
        ("1,024 GB", Some(1024)),
        ("10,00 GB", Some(10)),
        ("10 GiB", Some(10)),
        ("１０ GB", Some(10)),
        ("10.5 GB", None),
        ("10 MB", None),
        ("", None),
        ("GB", None),
        ("-10 GB", None),
        ("99999999999 GB", None),
        (".5", None),
        ("1,0,0", None),
    ] {
        assert_eq!(parse_gb(text), gb, "{text:?}");
    }
    for (text, gb) in [
        ("10 GB (10%)", Some(10)),
        ("1,024 GB of 2,048 GB", Some(1024)),
        ("5GB (50 %)", Some(5)),
        ("10", Some(10)),
        ("(10%)", None),
        ("unlimited", None),
    ] {
        assert_eq!(leading_gb(text), gb, "{text:?}");
    }
}

#[test]
fn names_are_compared_whole() {
    assert!(same_name(" High  Tech ", "high tech"));
    assert!(same_name("ＡＣＭＥ", "acme"));
    assert!(same_name("Acme\u{3000}Dental", "acme dental"));
    assert!(same_name("Cafe\u{301}", "café"));
    assert!(!same_name("", ""));
    assert!(!same_name("Acme", "Acme Dental"));
    assert!(names_whole("Company: Acme Dental", "Acme Dental"));
    assert!(!names_whole("Company: Acme Dental", "Acme"));
    assert!(names_whole("Acme | Log off", "acme"));
    assert!(!names_whole("Acme-Dental", "Acme"));
    assert_eq!(normalize("  A\t\u{a0}B "), "a b");
}

fn grid(header: &[&str], rows: &[&[&str]]) -> Grid {
    Grid {
        header: texts(header),
        rows: rows
            .iter()
            .map(|cells| Row {
                cells: texts(cells),
                has_gear: true,
            })
            .collect(),
        paging: Paging::default(),
    }
}

#[test]
fn grids_are_told_apart_by_their_headers() {
    let seed_companies = grid(&["Company Name", "Username", "Size", ""], &[]);
    assert_eq!(seed_companies.kind(), Some(GridKind::Companies));
    assert_eq!(seed_companies.name_column(), Some(0));
    let newer_accounts = grid(&["Company Name", "Account Name", "Size"], &[]);
    assert_eq!(newer_accounts.kind(), Some(GridKind::Accounts));
    assert_eq!(newer_accounts.name_column(), Some(1));
    assert_eq!(newer_accounts.company_column(), Some(0));
    let loose = grid(&["Username", "Size"], &[]);
    assert_eq!(loose.kind(), Some(GridKind::Accounts));
    let starred = grid(&["  COMPANY NAME*: "], &[]);
    assert_eq!(starred.kind(), Some(GridKind::Companies));
    assert_eq!(grid(&["Name", "Size"], &[]).kind(), None);
}

#[test]
fn a_grid_finds_rows_by_their_whole_name_cell_only() {
    let g = grid(
        &[
            "Company Name",
            "Username",
            "Size (click to change)",
            "Allocated Space",
        ],
        &[
            &["Acme Dental", "acme", "10 GB", "5 GB (50%)"],
            &["Acme", "acme-admin", "100 GB", "100 GB (100%)"],
            &["Other", "Acme", "1 GB"],
        ],
    );
    assert_eq!(g.find("acme"), RowMatch::One(1));
    assert_eq!(g.find("Acme Dental"), RowMatch::One(0));
    assert_eq!(g.find("Acme Dental Labs"), RowMatch::None);
    assert_eq!(g.size_of(1), Some(100));
    assert_eq!(g.allocated_of(0), Some(5));
    assert_eq!(g.allocated_of(2), None);
    assert!(g.has_allocated());
    let twice = grid(&["Account Name"], &[&["a"], &[" A "]]);
    assert_eq!(twice.find("a"), RowMatch::Several(2));
}
