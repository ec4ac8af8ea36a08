//! Arbitrary bytes as the documented "update client secret" request and response.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    authlete_models_fuzz::client_secret(data, authlete_models_fuzz::checks());
});
