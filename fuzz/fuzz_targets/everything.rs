//! Arbitrary bytes as a model using every attribute and field type.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    authlete_models_fuzz::everything(data, authlete_models_fuzz::checks());
});
