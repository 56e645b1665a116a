//! `allot-replica [--port N]`: serves the dashboard replica on https://127.0.0.1:N/ (default
//! 8443) until Ctrl-C.

use allot_replica::Replica;

const USAGE: &str = "usage: allot-replica [--port N]   (default 8443; 0 picks a free port)";

fn parse_port(args: &[String]) -> Result<u16, String> {
    let mut port = 8443;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return Err(USAGE.to_string()),
            "--port" | "-p" => args.next().cloned(),
            other => match other.strip_prefix("--port=") {
                Some(value) => Some(value.to_string()),
                None => return Err(format!("unknown argument {other:?}\n{USAGE}")),
            },
        };
        port = value
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| format!("--port needs a port number\n{USAGE}"))?;
    }
    Ok(port)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let port = match parse_port(&args) {
        Ok(port) => port,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let replica = match Replica::start(port).await {
        Ok(replica) => replica,
        Err(e) => {
            eprintln!("allot-replica: {e:#}");
            std::process::exit(1);
        }
    };
    let port = replica.addr.port();
    println!(
        "Replica of the partner dashboard at https://127.0.0.1:{port}/ (map dashboard.sosonlinebackup.com to 127.0.0.1:{port})"
    );
    tokio::signal::ctrl_c().await?;
    replica.shutdown();
    Ok(())
}
