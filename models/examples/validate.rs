//! Validates a JSON body of Authlete's "update client secret" request.
//!
//! ```text
//! cargo run --example validate -- '{"clientSecret": "my-new_Secret0"}'
//! echo '{"clientSecret": "bad secret"}' | cargo run --example validate
//! ```
//!
//! Prints the model (the secret redacted) and exits 0, or prints every violation and exits 1.

use std::io::Read;
use std::process::ExitCode;

use authlete_models::ClientSecretUpdateRequest;

fn main() -> ExitCode {
    let json = match std::env::args().nth(1) {
        Some(arg) => arg,
        None => {
            let mut buf = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut buf) {
                eprintln!("error: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
            buf
        }
    };
    match authlete_models::from_json::<ClientSecretUpdateRequest>(&json) {
        Ok(request) => {
            println!("{request:#?}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                println!("{error}");
            }
            ExitCode::FAILURE
        }
    }
}
