use authlete_models::Model;

#[derive(Model)]
#[model(description = "A request.")]
#[model(description = "# Request")]
pub struct Request {
    #[model(description = "An id.", description = "# Id")]
    pub id: String,
}

#[derive(Model)]
#[model(tag = "kind")]
pub enum Step {
    #[model(description = "A command.", description = "# Run")]
    Run { command: String },
}

fn main() {}
