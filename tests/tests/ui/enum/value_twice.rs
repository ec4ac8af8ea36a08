use authlete_models::Model;

#[derive(Model)]
#[model(rename_all = "lowercase")]
pub enum Level {
    #[model(value = 1)]
    One,
    #[model(value = 1.0)]
    AlsoOne,
    #[model(value = null)]
    Off,
    #[model(value = null)]
    AlsoOff,
    Auto,
    #[model(value = "auto")]
    AlsoAuto,
}

fn main() {}
