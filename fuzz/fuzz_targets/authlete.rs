//! Arbitrary bytes as every shipped Authlete model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    authlete_models_fuzz::authlete(data, authlete_models_fuzz::checks());
});
