use authlete_models::Model;

#[derive(Model)]
pub struct Refused {
    /// A backreference: no finite automaton can check it.
    #[model(pattern = r"^(a+)\1$")]
    pub twice: String,
    /// Lookahead.
    #[model(pattern = "^(?=.*[0-9]).{8,}$")]
    pub password: String,
    /// Malformed.
    #[model(pattern = "^[a-z")]
    pub open: String,
    /// Past the automaton's size.
    #[model(pattern = r"^[\p{L}\p{N}]{1,64}$")]
    pub huge: String,
}

#[derive(Model)]
pub struct Misplaced {
    #[model(pattern = "^[0-9]+$")]
    pub count: u32,
    #[model(check_format)]
    pub link: String,
    #[model(format = "int64", check_format)]
    pub id: String,
    #[model(format = "email", check_format)]
    pub age: u8,
    #[model(pattern = "^[a-z]+$", default = "abc1")]
    pub word: String,
}

fn main() {}
