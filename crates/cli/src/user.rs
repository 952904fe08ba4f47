//! `litopys user`: accounts for the web app and API tokens for scripts.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use litopys_server::{Accounts, Role};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    /// The database the accounts go with (their file is next to it).
    #[arg(long, value_name = "DB", default_value = "litopys.db", global = true)]
    db: String,
    /// The accounts file (default: next to the database, litopys.users.db).
    #[arg(long, value_name = "FILE", global = true)]
    users: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Create an account, or set its password and role; the password is read from the
    /// first line of standard input.
    Add {
        /// The account's name (recorded in the review history).
        name: String,
        /// viewer (read), editor (also review) or admin (also manage accounts).
        #[arg(long, default_value = "viewer")]
        role: String,
    },
    /// List the accounts.
    List,
    /// Create an API token for an account and print it (it is shown only once).
    Token {
        /// The account.
        name: String,
        /// What the token is for.
        #[arg(long, default_value = "")]
        label: String,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let path = args.users.unwrap_or_else(|| litopys_server::default_accounts_path(&args.db));
    let mut accounts = Accounts::open(&path).with_context(|| format!("cannot open accounts file {}", path.display()))?;
    match args.command {
        Command::Add { name, role } => {
            let Some(role) = Role::parse(&role) else { bail!("--role: expected viewer, editor or admin, got {role:?}") };
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password).context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            if password.chars().count() < 8 {
                bail!("the password (first line of standard input) must have at least 8 characters");
            }
            accounts.set_user(&name, password, role)?;
            println!("{name}: {} ({})", role.as_str(), path.display());
        }
        Command::List => {
            for a in accounts.users()? {
                println!("{}\t{}", a.name, a.role.as_str());
            }
        }
        Command::Token { name, label } => {
            if !accounts.exists(&name)? {
                bail!("no account {name}; create it with `litopys user add {name}`");
            }
            println!("{}", accounts.create_token(&name, &label)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
