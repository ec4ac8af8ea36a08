use authlete_models::Model;

// Each name must be one of the struct's own fields, named once in a rule.
#[derive(Model)]
#[model(rename_all = "camelCase")]
#[model(required_one_of(client_nme, clientUri, redirect_uris, cache, extra, (uri, uri)))]
pub struct Client {
    #[model(not_null)]
    pub client_name: Option<String>,
    #[model(not_null)]
    pub client_uri: Option<String>,
    #[model(not_null)]
    pub uri: Option<String>,
    #[model(not_null, requires(uri, client_name, uri, logo, zzz))]
    pub logo: Option<String>,
    #[model(skip)]
    pub cache: Option<u8>,
    #[model(flatten)]
    pub extra: std::collections::BTreeMap<String, u8>,
}

fn main() {}
