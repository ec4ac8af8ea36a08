use authlete_models::Model;

#[derive(Model)]
#[model(description = "")]
pub struct Request {
    #[model(description = "")]
    pub a: String,
    #[model(description = 1)]
    pub b: String,
    #[model(description = Request)]
    pub c: String,
    #[model(description)]
    pub d: String,
}

#[derive(Model)]
#[model(tag = "kind")]
pub enum Step {
    #[model(description = "")]
    Run { command: String },
}

fn main() {}
