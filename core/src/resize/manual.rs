//! The seed's steps written out for the partner to finish by hand, from wherever the
//! fix stopped.

use super::job::{Job, Status};
use super::step::Step;

/// The steps left, from the job's current step on (all six before it starts, none once
/// it is done).
pub(crate) fn manual_steps(job: &Job) -> Vec<String> {
    let from = match job.status {
        Status::Done => return Vec::new(),
        Status::Pending => Step::OpenCompanies,
        Status::Running | Status::Failed | Status::Cancelled => job.step,
    };
    Step::ALL
        .iter()
        .filter(|s| **s >= from)
        .map(|s| manual_step(job, *s))
        .collect()
}

/// One step in plain words.
fn manual_step(job: &Job, step: Step) -> String {
    let r = &job.request;
    let company = r.company.trim();
    let account = r.admin_username.trim();
    let gb = r.requested_gb;
    match step {
        Step::OpenCompanies => {
            "In the partner dashboard, open Manage > Companies > View & Manage Companies (on the newer dashboard: Accounts > Companies)."
                .to_string()
        }
        Step::LoginAsCompanyAdmin => format!(
            "On the company {company}, click the gear (or Actions) at the right and choose Login as Company Admin. Check that the dashboard's header shows {company}. (An unmanaged company has no Login as Company Admin: it must be made managed first.)"
        ),
        Step::OpenChangeSize => format!(
            "Open Backup Accounts (on the newer dashboard: Endpoint Backup > Backup Accounts). On the backup account {account}, click the gear (or Actions) at the right and choose Change Account Size."
        ),
        Step::EnterSize => format!(
            "Enter {gb} in Account Size In GB and click Ok (or Save)."
        ),
        Step::Verify => format!(
            "Open Home and check that Backup Account Usage (or the backup accounts list) shows {account} at {gb} GB. If it shows another size, change the size again (Backup Accounts, gear, Change Account Size)."
        ),
        Step::Resume => {
            "Click the link \"Click here to resume session as ...\" to go back to the partner dashboard."
                .to_string()
        }
    }
}
