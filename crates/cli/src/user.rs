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
    /// List API tokens (every account's, or NAME's): id, owner, role, label, created, last
    /// used. The secrets are never shown; they are not stored.
    Tokens {
        /// Only this account's tokens.
        name: Option<String>,
    },
    /// Revoke an API token by its id (the first column of `litopys user tokens`); a running
    /// server refuses it from the next request on.
    Revoke {
        /// The token's id.
        id: String,
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
        Command::Tokens { name } => {
            println!("id\towner\trole\tlabel\tcreated\tlast used");
            for t in accounts.tokens(name.as_deref())? {
                let last = t.last_used_at.as_deref().unwrap_or("never");
                println!("{}\t{}\t{}\t{}\t{}\t{last}", t.id, t.owner, t.role.as_str(), t.label, t.created_at);
            }
        }
        Command::Revoke { id } => {
            if !accounts.revoke_token(&id, None)? {
                bail!("no token {id}; list them with `litopys user tokens`");
            }
            println!("revoked {id}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
