//! `litopys serve`: the web app and JSON API over the database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Where to listen: HOST:PORT (127.0.0.1:8080, localhost:8080, 0.0.0.0:8080) or a port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080", value_parser = crate::args::parse_addr)]
    addr: SocketAddr,
    /// Let anyone read without signing in (read-only public mode); reviewing still needs an
    /// editor.
    #[arg(long)]
    public: bool,
    /// A tile URL template drawn under the oblast boundaries when online, e.g.
    /// https://tile.openstreetmap.org/{z}/{x}/{y}.png (none by default: works offline).
    #[arg(long, value_name = "URL")]
    tiles: Option<String>,
    /// Mark session cookies Secure (serve behind TLS).
    #[arg(long)]
    secure_cookies: bool,
    /// The accounts file (default: next to the database, litopys.users.db).
    #[arg(long, value_name = "FILE")]
    users: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // a mistyped --db must not serve a fresh empty database
    drop(crate::args::open_existing(&args.db)?);
    let mut config = litopys_server::Config::new(&args.db);
    config.addr = args.addr;
    config.public = args.public;
    config.tiles = args.tiles;
    config.secure_cookies = args.secure_cookies;
    if let Some(u) = args.users {
        config.accounts = u;
    }
    let addr = config.addr;
    match litopys_server::run(config) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(litopys_server::Error::Io(e)) if e.kind() == std::io::ErrorKind::AddrInUse => {
            let next = SocketAddr::new(addr.ip(), addr.port().wrapping_add(1).max(1));
            anyhow::bail!("{addr} is already in use (another `litopys serve`?): stop it, or listen elsewhere with --addr {next}")
        }
        Err(litopys_server::Error::Io(e)) if e.kind() == std::io::ErrorKind::AddrNotAvailable => {
            anyhow::bail!("cannot listen on {addr}: this machine has no such address; try --addr 127.0.0.1:{}", addr.port())
        }
        Err(e) => Err(e.into()),
    }
}
