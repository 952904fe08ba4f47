//! `litopys serve`: the web app and JSON API over the database.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The database: a SQLite file, or a `postgres://` URL.
    #[arg(long, value_name = "DB", default_value = "litopys.db")]
    db: String,
    /// Where to listen.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
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
    let mut config = litopys_server::Config::new(&args.db);
    config.addr = args.addr;
    config.public = args.public;
    config.tiles = args.tiles;
    config.secure_cookies = args.secure_cookies;
    if let Some(u) = args.users {
        config.accounts = u;
    }
    litopys_server::run(config)?;
    Ok(ExitCode::SUCCESS)
}
