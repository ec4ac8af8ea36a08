//! `pattern` and `not_pattern` against an independent JSON Schema validator, over real patterns
//! from public API documents: for strings generated around each pattern, the derive's verdict
//! (`serde_json` from a `Value` and from text, and `from_json`) must be `jsonschema`'s verdict
//! on the model's own `json_schema()`, and each schema must hold the patterns exactly as
//! written.
//!
//! Each model has one field holding one pattern, copied as its document has it (the JSON
//! string's escapes undone); its doc comment names the repository, the file and the schema or
//! property. The strings: matches (generated from a regex in Rust syntax written beside each
//! pattern, without anchors, with `\d`, `\w` and `\s` spelled out as ECMA-262 means them and
//! at times a count one past the pattern's), near misses made from a match by one or two edits
//! (insert, delete or replace a character, drawn from the pattern's text or from a pool of
//! ASCII punctuation, whitespace, control, non-ASCII and non-BMP characters), a match inside
//! other text, two matches joined, the empty string, and strings of pool characters.

use std::cell::RefCell;
use std::collections::BTreeMap;

use authlete_models::{Model, Secret};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestRunner};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Twilio: `twilio/twilio-oai`, `spec/json/*.json`

/// Twilio: an Account SID (`spec/json/twilio_accounts_v1.json`,
/// `accounts.v1.auth_token_promotion`, property `account_sid`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioAccountSid {
    #[model(pattern = r"^AC[0-9a-fA-F]{32}$")]
    sid: String,
}

/// Twilio: the SID of the message a media belongs to, SMS or MMS
/// (`spec/json/twilio_api_v2010.json`, `api.v2010.account.message.media`, property
/// `parent_sid`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioMediaParentSid {
    #[model(pattern = r"^(SM|MM)[0-9a-fA-F]{32}$")]
    parent_sid: String,
}

/// Twilio: an Organization SID, unanchored (`spec/json/twilio_iam_organizations.json`, path
/// parameter `OrganizationSid` of `GET /Organizations/{OrganizationSid}/scim/Users`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioOrganizationSid {
    #[model(pattern = r"OR[0-9a-f]{32}")]
    organization_sid: String,
}

/// Twilio: up to 20 Bundle SIDs separated by commas (`spec/json/twilio_numbers_v2.json`, query
/// parameter `BundleSids` of `GET /v2/RegulatoryCompliance/Bundles`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioBundleSids {
    #[model(pattern = r"^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$")]
    bundle_sids: String,
}

/// Twilio: an assistant's id, any characters after the prefix but line terminators
/// (`spec/json/twilio_assistants_v1.json`, `assistants.v1.service.assistant`, property `id`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioAssistantId {
    #[model(pattern = r"^aia_asst_.+$")]
    id: String,
}

/// Twilio: an operation id, Crockford base 32 (`spec/json/twilio_iam_v1.json`,
/// `iam.v1.Operation`, property `id`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioOperationId {
    #[model(pattern = r"^[0-9abcdefghjkmnpqrstvwxyz]{26}$")]
    id: String,
}

/// Twilio: a keyword type and a locale (`spec/json/twilio_messaging_v3.json`, schema
/// `KeywordLocaleType`).
#[derive(Debug, Clone, PartialEq, Model)]
struct TwilioKeywordLocale {
    #[model(
        pattern = r"^(STOP|START|HELP)\.(ALL|AFRIKAANS|ARABIC|BENGALI|CHINESE|CROATIAN|CZECH|DANISH|DUTCH|ENGLISH|ESTONIAN|FINNISH|FRENCH|GERMAN|GREEK|HEBREW|HINDI|HUNGARIAN|ITALIAN|JAPANESE|KOREAN|LATVIAN|LITHUANIAN|MALAY|MALAYSIAN|NORWEGIAN|POLISH|PORTUGUESE|RUSSIAN|SLOVAK|SLOVENE|SPANISH|SOUTHERN_NDEBELE|SOUTHERN_SOTHO|SWATI|SWEDISH|TAMIL|TSWANA|TSONGA|VENDA|XHOSA|ZULU)$"
    )]
    keyword_locale: String,
}

// ---------------------------------------------------------------------------------------------
// Kubernetes Gateway API: `kubernetes-sigs/gateway-api`, `config/crd/standard/*.yaml`
// (the CRDs' `openAPIV3Schema`)

/// Gateway API: an API group, empty or a DNS subdomain
/// (`gateway.networking.k8s.io_backendtlspolicies.yaml`, `spec.targetRefs[].group`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayGroup {
    #[model(pattern = r"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    group: String,
}

/// Gateway API: a hostname, at times a wildcard
/// (`gateway.networking.k8s.io_backendtlspolicies.yaml`,
/// `spec.validation.subjectAltNames[].hostname`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewaySubjectAltHostname {
    #[model(pattern = r"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    hostname: Option<String>,
}

/// Gateway API: a URI, RFC 3986's appendix B regex with an authority required
/// (`gateway.networking.k8s.io_backendtlspolicies.yaml`, `spec.validation.subjectAltNames[].uri`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewaySubjectAltUri {
    #[model(pattern = r"^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?")]
    uri: String,
}

/// Gateway API: an address type. The alternation binds looser than the anchors: `^` holds
/// only `Hostname` and `$` only the last branch, so `IPAddress` anywhere is enough
/// (`gateway.networking.k8s.io_gateways.yaml`, `spec.addresses[].type`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayAddressType {
    #[model(
        pattern = r"^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$"
    )]
    address_type: String,
}

/// Gateway API: an HTTP header name, the RFC 7230 token characters with `\x60`
/// (`gateway.networking.k8s.io_grpcroutes.yaml`,
/// `spec.rules[].filters[].requestHeaderModifier.add[].name`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayHeaderName {
    #[model(pattern = r"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$")]
    name: String,
}

/// Gateway API: the origins a CORS filter allows, each `*` or an origin with wildcards
/// (`gateway.networking.k8s.io_httproutes.yaml`, `spec.rules[].filters[].cors.allowOrigins`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayCorsAllowOrigins {
    #[model(items(
        pattern = r"(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)"
    ))]
    allow_origins: Vec<String>,
}

/// Gateway API: a timeout, Go-style durations of at most four parts
/// (`gateway.networking.k8s.io_httproutes.yaml`, `spec.rules[].timeouts.backendRequest`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayTimeout {
    #[model(pattern = r"^([0-9]{1,5}(h|m|s|ms)){1,4}$")]
    backend_request: String,
}

/// Gateway API: the values of infrastructure labels
/// (`gateway.networking.k8s.io_gateways.yaml`, `spec.infrastructure.labels`,
/// `additionalProperties`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayInfrastructureLabels {
    #[model(values(pattern = r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"))]
    labels: BTreeMap<String, String>,
}

/// Gateway API: the reason of a status condition
/// (`gateway.networking.k8s.io_backendtlspolicies.yaml`,
/// `status.ancestors[].conditions[].reason`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GatewayConditionReason {
    #[model(pattern = r"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")]
    reason: String,
}

// ---------------------------------------------------------------------------------------------
// AWS CloudFormation resource schemas, as `aws-cloudformation/cfn-lint` ships them:
// `src/cfnlint/data/schemas/providers/us_east_1/aws-sagemaker-project.json`
// (`AWS::SageMaker::Project`)

/// AWS: tag keys, Unicode letters, separators and numbers (`definitions.Tag.properties.Key`;
/// CloudFormation resources whose `Tags` is an object, such as `AWS::MSK::Cluster`, hold the
/// same pattern as `patternProperties`, so here it is on the names of a map).
#[derive(Debug, Clone, PartialEq, Model)]
struct AwsTags {
    #[model(keys(pattern = r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$"))]
    tags: BTreeMap<String, String>,
}

/// AWS: a SageMaker project ARN, unanchored (`definitions.ProjectArn`).
#[derive(Debug, Clone, PartialEq, Model)]
struct AwsSageMakerProjectArn {
    #[model(pattern = r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:project.*")]
    project_arn: String,
}

/// AWS: a SageMaker project id, anchored at the start only (`definitions.ProjectId`).
#[derive(Debug, Clone, PartialEq, Model)]
struct AwsSageMakerProjectId {
    #[model(pattern = r"^[a-zA-Z0-9](-*[a-zA-Z0-9])*")]
    project_id: String,
}

// ---------------------------------------------------------------------------------------------
// SchemaStore: `SchemaStore/schemastore`, `src/schemas/json/*.json`

/// SchemaStore: a semantic version, semver.org's regex (`mta.json`, property `version`).
#[derive(Debug, Clone, PartialEq, Model)]
struct MtaVersion {
    #[model(
        pattern = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$"
    )]
    version: String,
}

/// SchemaStore: a package manager and its version, unanchored (`package.json`,
/// `properties.packageManager.oneOf[0]`).
#[derive(Debug, Clone, PartialEq, Model)]
struct PackageManager {
    #[model(pattern = r"(npm|pnpm|yarn|bun|aube|nub)@\d+\.\d+\.\d+(-.+)?")]
    package_manager: String,
}

/// SchemaStore: a date, or a date and time (`partial-pixi.json`,
/// `$defs.Workspace.properties.exclude-newer`).
#[derive(Debug, Clone, PartialEq, Model)]
struct PixiExcludeNewer {
    #[model(pattern = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$")]
    exclude_newer: String,
}

/// SchemaStore: CVE ids a pnpm audit ignores (`package.json`,
/// `properties.pnpm.properties.auditConfig.properties.ignoreCves.items`).
#[derive(Debug, Clone, PartialEq, Model)]
struct PnpmIgnoreCves {
    #[model(items(pattern = r"^CVE-\d{4}-\d{4,7}$"))]
    ignore_cves: Vec<String>,
}

/// SchemaStore: an email address, counted on both sides (`revola.json`,
/// `properties.git.properties.author.properties.email`).
#[derive(Debug, Clone, PartialEq, Model)]
struct RevolaAuthorEmail {
    #[model(pattern = r#"^[^\s@"]{1,64}@[^\s@]{1,255}$"#)]
    email: Option<Secret<String>>,
}

/// SchemaStore: a font family, words separated by whitespace (`glazewm.json`,
/// `definitions.font-family-property`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GlazewmFontFamily {
    #[model(pattern = r"^\S+(\s+\S+)*$")]
    font_family: String,
}

/// SchemaStore: a Poetry author, a name and an optional address, with a right single quote
/// (U+2019) in the class and a lazy `+?` (`partial-poetry.json`,
/// `definitions.poetry-author-pattern`).
#[derive(Debug, Clone, PartialEq, Model)]
struct PoetryAuthor {
    #[model(pattern = r#"^(?:[- .,\w\d'’"():&]+)(?: <(?:.+?)>)?"#)]
    author: String,
}

/// SchemaStore: a GS1 Global Location Number, thirteen digits between word boundaries
/// (`schema-org-place.json`, `properties.globalLocationNumber`).
#[derive(Debug, Clone, PartialEq, Model)]
struct GlobalLocationNumber {
    #[model(pattern = r"\b\d{13}\b")]
    global_location_number: String,
}

/// SchemaStore: a winget package identifier, two to four dotted parts of 1 to 32 characters
/// (`winget-pkgs-installer-1.0.0.json`, `definitions.PackageIdentifier`).
#[derive(Debug, Clone, PartialEq, Model)]
struct WingetPackageIdentifier {
    #[model(
        pattern = r#"^[^\.\s\\/:\*\?"<>\|\x01-\x1f]{1,32}(\.[^\.\s\\/:\*\?"<>\|\x01-\x1f]{1,32}){1,3}$"#
    )]
    package_identifier: String,
}

/// SchemaStore: a Python project name (`pyproject.json`, `properties.project.properties.name`).
#[derive(Debug, Clone, PartialEq, Model)]
struct PyprojectName {
    #[model(pattern = r"^([a-zA-Z\d]|[a-zA-Z\d][\w.-]*[a-zA-Z\d])$")]
    name: String,
}

/// SchemaStore: a MIME type (`chrome-manifest.json`, `definitions.mime_type`).
#[derive(Debug, Clone, PartialEq, Model)]
struct ChromeMimeType {
    #[model(
        pattern = r"^(?:application|audio|image|message|model|multipart|text|video)\/[-+.\w]+$"
    )]
    mime_type: String,
}

/// SchemaStore: an HTTP URL, with a count of 256 and a word boundary (`dein.json`,
/// `definitions.Url`).
#[derive(Debug, Clone, PartialEq, Model)]
struct DeinUrl {
    #[model(
        pattern = r"^https?:\/\/(www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b([-a-zA-Z0-9()@:%_\+.~#?&//=]*)$"
    )]
    url: String,
}

/// SchemaStore: a C# method name, in a named group (`appsettings.json`,
/// `definitions.Serilog.definitions.CSharpMethodName`).
#[derive(Debug, Clone, PartialEq, Model)]
struct SerilogMethodName {
    #[model(pattern = r"^(?<CSharpMethodName>[a-zA-Z_]\w*)$")]
    method: String,
}

/// SchemaStore: a Google Analytics id, Universal or GA4, unanchored (`hugo.json`,
/// `properties.googleAnalytics`).
#[derive(Debug, Clone, PartialEq, Model)]
struct HugoGoogleAnalytics {
    #[model(pattern = r"(UA-\d{4,9}-\d)|(G-\w+)")]
    google_analytics: String,
}

/// SchemaStore: a DOI, with an optional prefix (`okh.json`, `$defs.doi`).
#[derive(Debug, Clone, PartialEq, Model)]
struct OkhDoi {
    #[model(pattern = r"^(doi: |DOI: |https://doi.org/)?10\.\d{4,9}\/[-._;()/:a-zA-Z0-9]+$")]
    doi: String,
}

/// SchemaStore: an Unreal engine association: a version, a GUID in braces, empty, or any
/// path holding a slash (`uproject.json`, `properties.EngineAssociation`).
#[derive(Debug, Clone, PartialEq, Model)]
struct UprojectEngineAssociation {
    #[model(
        pattern = r"(^([0-9]+)\.([0-9]+)$)|(^\{[A-F0-9]{8}(-[A-F0-9]{4}){3}-[A-F0-9]{12}\}$)|^$|[\\/]"
    )]
    engine_association: String,
}

/// SchemaStore: a photo as a base64 data URL (`sigmacv.json`,
/// `properties.owner.properties.photo`).
#[derive(Debug, Clone, PartialEq, Model)]
struct SigmacvPhoto {
    #[model(pattern = r"^data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$")]
    photo: String,
}

/// SchemaStore: the media type of an icon, `\s` inside a class (`web-manifest.json`,
/// `definitions.manifest_image_resource.properties.type`).
#[derive(Debug, Clone, PartialEq, Model)]
struct WebManifestImageType {
    #[model(pattern = r"^[\sa-z0-9\-+;\.=\/]+$")]
    media_type: String,
}

/// SchemaStore: a version format, unanchored (`partial-pdm.json`,
/// `properties.version.properties.version_format`).
#[derive(Debug, Clone, PartialEq, Model)]
struct PdmVersionFormat {
    #[model(pattern = r"([\w.]+):([\w.]+)\s*(\([^)]+\))?")]
    version_format: String,
}

/// SchemaStore: an app id, five to seven word characters (`mboats-config-0.2.json`,
/// `definitions.MBOATS.properties.appId`).
#[derive(Debug, Clone, PartialEq, Model)]
struct MboatsAppId {
    #[model(pattern = r"^[\w]{5,7}$")]
    app_id: String,
}

// ---------------------------------------------------------------------------------------------
// CycloneDX: `CycloneDX/specification`, `schema/bom-1.*.schema.json`

/// CycloneDX: a BOM serial number, a UUID URN (`schema/bom-1.5.schema.json`,
/// `properties.serialNumber`).
#[derive(Debug, Clone, PartialEq, Model)]
struct CycloneDxSerialNumber {
    #[model(pattern = r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    serial_number: String,
}

/// CycloneDX: a hash value, one of five hex lengths (`schema/bom-1.5.schema.json`,
/// `definitions.hash-content`).
#[derive(Debug, Clone, PartialEq, Model)]
struct CycloneDxHashContent {
    #[model(
        pattern = r"^([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$"
    )]
    content: Secret<String>,
}

/// CycloneDX: a locale, language and optional country (`schema/bom-1.5.schema.json`,
/// `definitions.localeType`).
#[derive(Debug, Clone, PartialEq, Model)]
struct CycloneDxLocale {
    #[model(pattern = r"^([a-z]{2})(-[A-Z]{2})?$")]
    locale: Option<String>,
}

/// CycloneDX: a patent number, `\s` inside a counted class (`schema/bom-1.7.schema.json`,
/// `definitions.patent.properties.patentNumber`).
#[derive(Debug, Clone, PartialEq, Model)]
struct CycloneDxPatentNumber {
    #[model(pattern = r"^[A-Za-z0-9][A-Za-z0-9\-/.()\s]{0,28}[A-Za-z0-9]$")]
    patent_number: String,
}

/// CycloneDX: a BOM-Link to an element (`schema/bom-1.5.schema.json`,
/// `definitions.bomLinkElementType`).
#[derive(Debug, Clone, PartialEq, Model)]
struct CycloneDxBomLinkElement {
    #[model(
        pattern = r"^urn:cdx:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[1-9][0-9]*#.+$"
    )]
    bom_link: String,
}

// ---------------------------------------------------------------------------------------------
// OpenAPI: `OAI/OpenAPI-Specification`, `_archive_/schemas/`

/// OpenAPI 2.0: the host, without scheme or path, with an optional port
/// (`_archive_/schemas/v2.0/schema.json`, `properties.host`).
#[derive(Debug, Clone, PartialEq, Model)]
struct Swagger2Host {
    #[model(pattern = r"^[^{}/ :\\]+(?::\d+)?$")]
    host: Option<String>,
}

/// OpenAPI 3.0: the version of the document (`_archive_/schemas/v3.0/schema.yaml`,
/// `properties.openapi`).
#[derive(Debug, Clone, PartialEq, Model)]
struct OpenApi30Version {
    #[model(pattern = r"^3\.0\.\d(-.+)?$")]
    openapi: String,
}

/// OpenAPI 3.0: the `bearer` scheme, case spelled out (`_archive_/schemas/v3.0/schema.yaml`,
/// `definitions.HTTPSecurityScheme.oneOf[0].properties.scheme`).
#[derive(Debug, Clone, PartialEq, Model)]
struct OpenApi30BearerScheme {
    #[model(pattern = r"^[Bb][Ee][Aa][Rr][Ee][Rr]$")]
    scheme: String,
}

// ---------------------------------------------------------------------------------------------
// `not: {"pattern": ...}`: `buildkite/pipeline-schema`, `schema.json`; SchemaStore,
// `src/schemas/json/*.json`

/// Buildkite: a step key, "must not resemble a UUID" (`schema.json`, `definitions.key`).
#[derive(Debug, Clone, PartialEq, Model)]
struct BuildkiteStepKey {
    #[model(
        max_len = 100,
        pattern = r"^[a-zA-Z0-9_\-:${}.,]+$",
        not_pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
    )]
    key: String,
}

/// Codex plugin manifest: a relative path, neither a drive, a root nor a UNC path
/// (`codex-plugin-manifest.json`, `definitions.relativePath`), on an optional member.
#[derive(Debug, Clone, PartialEq, Model)]
struct CodexRelativePath {
    #[model(min_len = 1, not_pattern = r"^(?:[A-Za-z]:|/|\\\\)")]
    path: Option<String>,
}

/// Open Know-How: relative paths, with no protocol, no `//` and no parent directory
/// (`okh.json`, `$defs.relPath`, a `not` of `anyOf` three patterns), as a list's items.
#[derive(Debug, Clone, PartialEq, Model)]
struct OkhRelPaths {
    #[model(items(
        not_pattern = "^[a-z]*:",
        not_pattern = "^//",
        not_pattern = r"(?:.*/)?\.\.(?:/.*)?"
    ))]
    paths: Vec<String>,
}

// ---------------------------------------------------------------------------------------------
// The check

/// Where the pattern is: which member of the model, and what in it.
#[derive(Clone, Copy, Debug)]
enum At {
    /// A string member, or an `Option` or a `Secret` of one.
    Field(&'static str),
    /// `items(pattern)`: each item of a list member.
    Items(&'static str),
    /// `keys(pattern)`: each name of a map member.
    Keys(&'static str),
    /// `values(pattern)`: each value of a map member.
    Values(&'static str),
}

impl At {
    /// The document holding `s` where the pattern is.
    fn document(self, s: &str) -> Value {
        match self {
            At::Field(name) => json!({ name: s }),
            At::Items(name) => json!({ name: [s] }),
            At::Keys(name) => json!({ name: { s: "v" } }),
            At::Values(name) => json!({ name: { "k": s } }),
        }
    }

    /// Where `from_json` reports a string the pattern refuses.
    fn pointer(self) -> String {
        match self {
            At::Field(name) | At::Keys(name) => format!("/{name}"),
            At::Items(name) => format!("/{name}/0"),
            At::Values(name) => format!("/{name}/k"),
        }
    }
}

/// Characters around any pattern: ASCII punctuation and letters, every kind of whitespace
/// ECMA-262's `\s` takes (TAB to CR, U+00A0, U+1680, U+2007, U+2028, U+2029, U+202F, U+3000,
/// U+FEFF) and some it does not (U+0085, U+200B, U+180E), controls, letters and digits
/// outside ASCII (which `\w` and `\d` do not take: `é`, `K` Kelvin, `ſ`, `٣`, `𝟘`), a letter
/// number and a superscript (`\p{N}`), and characters of two, three and four UTF-8 bytes.
const POOL: &[char] = &[
    'a',
    'z',
    'A',
    'Z',
    '0',
    '9',
    '_',
    '-',
    '.',
    ',',
    ':',
    ';',
    '/',
    '\\',
    '@',
    '#',
    '?',
    '&',
    '=',
    '+',
    '*',
    '%',
    '!',
    '$',
    '^',
    '|',
    '~',
    '`',
    '\'',
    '"',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '<',
    '>',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u{0B}',
    '\u{0C}',
    '\0',
    '\u{01}',
    '\u{1F}',
    '\u{7F}',
    '\u{85}',
    '\u{A0}',
    '\u{1680}',
    '\u{180E}',
    '\u{2007}',
    '\u{200B}',
    '\u{2028}',
    '\u{2029}',
    '\u{202F}',
    '\u{3000}',
    '\u{FEFF}',
    'é',
    'É',
    'ß',
    'ſ',
    '\u{212A}',
    'Ω',
    'ж',
    '٣',
    '߀',
    '²',
    'Ⅻ',
    '’',
    '字',
    '😀',
    '𝟘',
    '\u{FFFF}',
    '\u{10FFFF}',
];

/// One character to insert or to put in place of another: from the pattern's own text (its
/// literals, class members and metacharacters) or from [`POOL`].
fn a_char(pattern: &'static str) -> BoxedStrategy<char> {
    let own: Vec<char> = pattern.chars().collect();
    prop_oneof![
        prop::sample::select(own),
        prop::sample::select(POOL.to_vec()),
    ]
    .boxed()
}

/// One edit of a string.
#[derive(Clone, Debug)]
enum Edit {
    Insert(Index, char),
    Delete(Index),
    Replace(Index, char),
}

/// An insertion, a deletion or a replacement, with characters of [`a_char`].
fn an_edit(pattern: &'static str) -> BoxedStrategy<Edit> {
    prop_oneof![
        (any::<Index>(), a_char(pattern)).prop_map(|(at, c)| Edit::Insert(at, c)),
        any::<Index>().prop_map(Edit::Delete),
        (any::<Index>(), a_char(pattern)).prop_map(|(at, c)| Edit::Replace(at, c)),
    ]
    .boxed()
}

/// `s` with `edit` made, on characters (a non-ASCII character is never split).
fn edited(s: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    match *edit {
        Edit::Insert(at, c) => chars.insert(at.index(chars.len() + 1), c),
        Edit::Delete(at) if !chars.is_empty() => {
            chars.remove(at.index(chars.len()));
        }
        Edit::Replace(at, c) if !chars.is_empty() => {
            let at = at.index(chars.len());
            chars[at] = c;
        }
        Edit::Delete(_) | Edit::Replace(..) => {}
    }
    chars.into_iter().collect()
}

/// A few characters of the pattern's text or of [`POOL`].
fn some_chars(pattern: &'static str, max: usize) -> BoxedStrategy<String> {
    prop::collection::vec(a_char(pattern), 0..=max)
        .prop_map(|c| c.into_iter().collect())
        .boxed()
}

/// Strings around `pattern`: matches from `matching` (a regex in Rust syntax), near misses by
/// one or two edits, a match inside other text, two matches joined, the empty string, and
/// strings of characters of the pattern and of the pool.
fn strings_around(pattern: &'static str, matching: &str) -> BoxedStrategy<String> {
    let matches = proptest::string::string_regex(matching)
        .unwrap_or_else(|e| panic!("generator `{matching}` of `{pattern}`: {e}"))
        .boxed();
    prop_oneof![
        5 => matches.clone(),
        6 => (matches.clone(), an_edit(pattern)).prop_map(|(s, e)| edited(&s, &e)),
        2 => (matches.clone(), an_edit(pattern), an_edit(pattern))
            .prop_map(|(s, a, b)| edited(&edited(&s, &a), &b)),
        2 => (some_chars(pattern, 4), matches.clone(), some_chars(pattern, 4))
            .prop_map(|(before, s, after)| format!("{before}{s}{after}")),
        1 => (matches.clone(), some_chars(pattern, 1), matches)
            .prop_map(|(a, between, b)| format!("{a}{between}{b}")),
        1 => Just(String::new()),
        1 => some_chars(pattern, 12),
    ]
    .boxed()
}

/// The `pattern`s anywhere in `schema`.
fn patterns_in(schema: &Value, found: &mut Vec<String>) {
    match schema {
        Value::Object(members) => {
            for (name, value) in members {
                match (name.as_str(), value) {
                    ("pattern", Value::String(p)) => found.push(p.clone()),
                    _ => patterns_in(value, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| patterns_in(item, found)),
        _ => {}
    }
}

/// How one pattern fared.
struct Tally {
    model: &'static str,
    checked: usize,
    accepted: usize,
    failure: Option<String>,
}

/// Strings checked for each pattern.
const CASES: u32 = 1_000;

/// Checks `T`, whose one pattern `pattern` is `at`: its schema holds `pattern` exactly as
/// written, and for strings around it (see [`strings_around`]) the derive gives the verdict
/// `jsonschema` gives on that schema, reaching both verdicts.
fn check<T: Model + PartialEq + std::fmt::Debug>(
    at: At,
    pattern: &'static str,
    matching: &str,
) -> Tally {
    check_where::<T>(at, pattern, matching, |_| true)
}

/// [`check`], over the strings `keep` takes only: for a pattern where `jsonschema` departs from
/// ECMA-262 on some strings, those are left out (each use says why).
fn check_where<T: Model + PartialEq + std::fmt::Debug>(
    at: At,
    pattern: &'static str,
    matching: &str,
    keep: fn(&str) -> bool,
) -> Tally {
    check_rules::<T>(at, &[pattern], &["pattern"], matching, keep)
}

/// Checks `T`, whose rules `at` hold the patterns `patterns` (of `pattern` and `not_pattern`,
/// in any order), as [`check`] does; `from_json` lists a refused string's violations at its
/// pointer, their codes in the order of `rules` (each once, where a rule's code comes once for
/// each rule).
fn check_rules<T: Model + PartialEq + std::fmt::Debug>(
    at: At,
    patterns: &[&'static str],
    rules: &'static [&'static str],
    matching: &str,
    keep: fn(&str) -> bool,
) -> Tally {
    let model = std::any::type_name::<T>().rsplit("::").next().unwrap();
    let schema = T::json_schema();
    let mut found = Vec::new();
    patterns_in(&schema, &mut found);
    found.sort();
    let mut expected: Vec<String> = patterns.iter().map(|p| (*p).to_owned()).collect();
    expected.sort();
    if found != expected {
        return Tally {
            model,
            checked: 0,
            accepted: 0,
            failure: Some(format!(
                "the schema's patterns are {found:?}, not {expected:?}: {schema}"
            )),
        };
    }
    // The characters of every pattern, to edit strings with.
    let pattern: &'static str = Box::leak(patterns.concat().into_boxed_str());
    let validator = jsonschema::validator_for(&schema).expect("the derived schema compiles");
    let pointer = at.pointer();
    let verdict = |s: &str| -> Result<bool, TestCaseError> {
        let doc = at.document(s);
        let text = doc.to_string();
        let schema_says = validator.is_valid(&doc);
        let from_value = serde_json::from_value::<T>(doc.clone());
        prop_assert_eq!(
            from_value.is_ok(),
            schema_says,
            "{:?}: the derive says {:?}, the schema says {}",
            s,
            from_value.as_ref().err().map(ToString::to_string),
            schema_says
        );
        let from_text = serde_json::from_str::<T>(&text);
        prop_assert_eq!(from_text.is_ok(), schema_says, "{:?}: from text", s);
        match authlete_models::from_json::<T>(&text) {
            Ok(_) => prop_assert!(schema_says, "{:?}: from_json accepts", s),
            Err(errors) => {
                let listed: Vec<(&str, &str)> =
                    errors.iter().map(|e| (e.path(), e.code())).collect();
                prop_assert!(!schema_says, "{:?}: from_json refuses: {:?}", s, listed);
                prop_assert!(
                    !listed.is_empty() && listed.iter().all(|(at, _)| *at == pointer),
                    "{:?}: {:?}",
                    s,
                    listed
                );
                // The codes, in the order of the rules, each rule at most once.
                let mut left = rules.iter();
                prop_assert!(
                    listed.iter().all(|(_, code)| left.any(|rule| rule == code)),
                    "{:?}: {:?}, not in the order of {:?}",
                    s,
                    listed,
                    rules
                );
            }
        }
        if let Ok(value) = from_text {
            prop_assert!(value.validate().is_ok(), "{:?}: accepted but invalid", s);
            let written = serde_json::to_value(&value).unwrap();
            prop_assert!(validator.is_valid(&written), "{:?}: writes {}", s, written);
            prop_assert_eq!(serde_json::from_value::<T>(written).unwrap(), value);
        }
        Ok(schema_says)
    };
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        rng_seed: RngSeed::Fixed(0x7061_7474_6572_6e73),
        ..Config::default()
    });
    let seen = RefCell::new((0, 0));
    let strings = strings_around(pattern, matching).prop_filter("left out", move |s| keep(s));
    let outcome = runner.run(&strings, |s| {
        let accepted = verdict(&s)?;
        let mut seen = seen.borrow_mut();
        seen.0 += 1;
        seen.1 += usize::from(accepted);
        Ok(())
    });
    let (checked, accepted) = seen.into_inner();
    // The strings must reach both verdicts, each for one string in twenty at least, or
    // agreement proves little.
    let failure = match outcome {
        Err(e) => Some(e.to_string()),
        Ok(()) if accepted * 20 < checked || (checked - accepted) * 20 < checked => Some(format!(
            "too few of one verdict: {accepted} of {checked} strings accepted"
        )),
        Ok(()) => None,
    };
    Tally {
        model,
        checked,
        accepted,
        failure,
    }
}

/// Prints what each pattern got, and fails with every disagreement at once.
fn report(tallies: &[Tally]) {
    for t in tallies {
        eprintln!(
            "{:<28} checked {:>4}, accepted {:>4}, refused {:>4}",
            t.model,
            t.checked,
            t.accepted,
            t.checked - t.accepted
        );
    }
    let failures: Vec<String> = tallies
        .iter()
        .filter_map(|t| t.failure.as_ref().map(|f| format!("{}: {f}", t.model)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// The generators below are regexes in Rust syntax (`proptest::string::string_regex`), which
// has no anchors or word boundaries: they are left out, `\d` is `[0-9]`, `\w` is
// `[0-9A-Za-z_]`, `\s` is a few of ECMA-262's whitespace characters, and a count is at times
// one past the pattern's so that the bound is crossed.

#[test]
fn twilio_patterns_agree_with_the_schema_validator() {
    report(&[
        check::<TwilioAccountSid>(
            At::Field("sid"),
            r"^AC[0-9a-fA-F]{32}$",
            "AC[0-9a-fA-F]{32}|AC[0-9a-fA-F]{31,33}",
        ),
        check::<TwilioMediaParentSid>(
            At::Field("parent_sid"),
            r"^(SM|MM)[0-9a-fA-F]{32}$",
            "(SM|MM|SS)[0-9a-fA-F]{32}",
        ),
        check::<TwilioOrganizationSid>(
            At::Field("organization_sid"),
            r"OR[0-9a-f]{32}",
            "OR[0-9a-f]{32}|OR[0-9a-fA-F]{32}",
        ),
        check::<TwilioBundleSids>(
            At::Field("bundle_sids"),
            r"^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$",
            "BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,21}",
        ),
        check::<TwilioAssistantId>(At::Field("id"), r"^aia_asst_.+$", "aia_asst_.{0,6}"),
        check::<TwilioOperationId>(
            At::Field("id"),
            r"^[0-9abcdefghjkmnpqrstvwxyz]{26}$",
            "[0-9abcdefghjkmnpqrstvwxyz]{25,27}|[0-9a-z]{26}",
        ),
        check::<TwilioKeywordLocale>(
            At::Field("keyword_locale"),
            r"^(STOP|START|HELP)\.(ALL|AFRIKAANS|ARABIC|BENGALI|CHINESE|CROATIAN|CZECH|DANISH|DUTCH|ENGLISH|ESTONIAN|FINNISH|FRENCH|GERMAN|GREEK|HEBREW|HINDI|HUNGARIAN|ITALIAN|JAPANESE|KOREAN|LATVIAN|LITHUANIAN|MALAY|MALAYSIAN|NORWEGIAN|POLISH|PORTUGUESE|RUSSIAN|SLOVAK|SLOVENE|SPANISH|SOUTHERN_NDEBELE|SOUTHERN_SOTHO|SWATI|SWEDISH|TAMIL|TSWANA|TSONGA|VENDA|XHOSA|ZULU)$",
            r"(STOP|START|HELP)\.(ALL|AFRIKAANS|ARABIC|BENGALI|CHINESE|CROATIAN|CZECH|DANISH|DUTCH|ENGLISH|ESTONIAN|FINNISH|FRENCH|GERMAN|GREEK|HEBREW|HINDI|HUNGARIAN|ITALIAN|JAPANESE|KOREAN|LATVIAN|LITHUANIAN|MALAY|MALAYSIAN|NORWEGIAN|POLISH|PORTUGUESE|RUSSIAN|SLOVAK|SLOVENE|SPANISH|SOUTHERN_NDEBELE|SOUTHERN_SOTHO|SWATI|SWEDISH|TAMIL|TSWANA|TSONGA|VENDA|XHOSA|ZULU)",
        ),
    ]);
}

#[test]
fn gateway_api_patterns_agree_with_the_schema_validator() {
    const LABEL: &str = "[a-z0-9]([-a-z0-9]{0,5}[a-z0-9])?";
    let subdomain = format!(r"{LABEL}(\.{LABEL}){{0,3}}");
    report(&[
        check::<GatewayGroup>(
            At::Field("group"),
            r"^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
            &subdomain,
        ),
        check::<GatewaySubjectAltHostname>(
            At::Field("hostname"),
            r"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
            &format!(r"(\*\.)?{subdomain}"),
        ),
        check::<GatewaySubjectAltUri>(
            At::Field("uri"),
            r"^(([^:/?#]+):)(//([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?",
            r"(https?|spiffe|[a-z][a-z0-9+.-]{0,5}):(//[a-z0-9.:@-]{0,10})?(/[a-z0-9._~%-]{0,6}){0,3}(\?[a-z0-9=&]{0,8})?(#[a-z0-9]{0,5})?",
        ),
        check::<GatewayAddressType>(
            At::Field("address_type"),
            r"^Hostname|IPAddress|NamedAddress|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$",
            &format!(
                r"Hostname|IPAddress|NamedAddress|{subdomain}/[A-Za-z0-9/._~%!$&'()*+,;=:-]{{1,8}}"
            ),
        ),
        check::<GatewayHeaderName>(
            At::Field("name"),
            r"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$",
            r"[A-Za-z0-9!#$%&'*+\-.^_\x60|~]{1,12}",
        ),
        check::<GatewayCorsAllowOrigins>(
            At::Items("allow_origins"),
            r"(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)",
            r"\*|https?://((\*\.)?([a-zA-Z0-9-]{1,5}\.){0,2}[a-zA-Z0-9-]{1,6}|\*)(:[0-9]{1,6})?",
        ),
        check::<GatewayTimeout>(
            At::Field("backend_request"),
            r"^([0-9]{1,5}(h|m|s|ms)){1,4}$",
            "([0-9]{1,6}(h|m|s|ms)){1,5}",
        ),
        check::<GatewayInfrastructureLabels>(
            At::Values("labels"),
            r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$",
            "([A-Za-z0-9][-A-Za-z0-9_.]{0,8})?[A-Za-z0-9]",
        ),
        check::<GatewayConditionReason>(
            At::Field("reason"),
            r"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
            "[A-Za-z]([A-Za-z0-9_,:]{0,8}[A-Za-z0-9_])?",
        ),
    ]);
}

#[test]
fn aws_patterns_agree_with_the_schema_validator() {
    report(&[
        check::<AwsTags>(
            At::Keys("tags"),
            r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$",
            r"[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,10}",
        ),
        check::<AwsSageMakerProjectArn>(
            At::Field("project_arn"),
            r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:project.*",
            "arn:aws(-[a-z]{2,6})?:sagemaker:[a-z]{2}-[a-z]{4,7}-[0-9]:[0-9]{11,13}:project(/[a-z0-9-]{0,10})?",
        ),
        check::<AwsSageMakerProjectId>(
            At::Field("project_id"),
            r"^[a-zA-Z0-9](-*[a-zA-Z0-9])*",
            "[a-zA-Z0-9](-{0,2}[a-zA-Z0-9]){0,8}",
        ),
    ]);
}

#[test]
fn schemastore_patterns_agree_with_the_schema_validator() {
    // ECMA-262's `\s`, a few of them: generated where a pattern has `\s`.
    const SPACE: &str = r"[ \t\x{A0}\x{2028}\x{3000}\x{FEFF}]";
    let number = "(0|[1-9][0-9]{0,2})";
    let pre = "(0|[1-9][0-9]{0,2}|[0-9]{0,2}[a-zA-Z-][0-9a-zA-Z-]{0,4})";
    report(&[
        check::<MtaVersion>(
            At::Field("version"),
            r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$",
            &format!(
                r"{number}\.{number}\.{number}(-{pre}(\.{pre}){{0,2}})?(\+[0-9a-zA-Z-]{{1,4}}(\.[0-9a-zA-Z-]{{1,4}}){{0,2}})?"
            ),
        ),
        check::<PackageManager>(
            At::Field("package_manager"),
            r"(npm|pnpm|yarn|bun|aube|nub)@\d+\.\d+\.\d+(-.+)?",
            r"(npm|pnpm|yarn|bun|aube|nub)@[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(-.{1,6})?",
        ),
        check::<PixiExcludeNewer>(
            At::Field("exclude_newer"),
            r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2}))?",
        ),
        check::<PnpmIgnoreCves>(
            At::Items("ignore_cves"),
            r"^CVE-\d{4}-\d{4,7}$",
            "CVE-[0-9]{4}-[0-9]{3,8}",
        ),
        check::<RevolaAuthorEmail>(
            At::Field("email"),
            r#"^[^\s@"]{1,64}@[^\s@]{1,255}$"#,
            r"([a-z0-9._%+éж-]{1,10}|[a-z]{63,65})@[a-z0-9.éж-]{1,10}",
        ),
        check::<GlazewmFontFamily>(
            At::Field("font_family"),
            r"^\S+(\s+\S+)*$",
            &format!("[A-Za-z'é]{{1,6}}({SPACE}{{1,2}}[A-Za-z-]{{1,6}}){{0,3}}"),
        ),
        check::<PoetryAuthor>(
            At::Field("author"),
            r#"^(?:[- .,\w\d'’"():&]+)(?: <(?:.+?)>)?"#,
            r#"[- .,0-9A-Za-z_'’"():&]{1,12}( <[a-z@.]{1,10}>)?"#,
        ),
        // ECMA-262's `\b` (with `u`, without `i`) is a boundary between an ASCII word
        // character and anything else; `jsonschema` hands `\b` to the `regex` crate as it is,
        // where it is Unicode's, so that `0000000000000é` matches for ECMA-262 and the derive
        // but not for `jsonschema` (`é` is a word character to it). Strings holding a
        // character that Unicode's `\w` takes beyond ASCII's are left out.
        check_where::<GlobalLocationNumber>(
            At::Field("global_location_number"),
            r"\b\d{13}\b",
            "[0-9]{12,14}",
            |s| !s.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()),
        ),
        check::<WingetPackageIdentifier>(
            At::Field("package_identifier"),
            r#"^[^\.\s\\/:\*\?"<>\|\x01-\x1f]{1,32}(\.[^\.\s\\/:\*\?"<>\|\x01-\x1f]{1,32}){1,3}$"#,
            r"([A-Za-z0-9_é字-]{1,8}|[a-z]{31,33})(\.[A-Za-z0-9_é-]{1,8}){1,4}",
        ),
        check::<PyprojectName>(
            At::Field("name"),
            r"^([a-zA-Z\d]|[a-zA-Z\d][\w.-]*[a-zA-Z\d])$",
            "[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,8}[a-zA-Z0-9])?",
        ),
        check::<ChromeMimeType>(
            At::Field("mime_type"),
            r"^(?:application|audio|image|message|model|multipart|text|video)\/[-+.\w]+$",
            "(application|audio|image|message|model|multipart|text|video)/[-+.a-zA-Z0-9_]{1,10}",
        ),
        check::<DeinUrl>(
            At::Field("url"),
            r"^https?:\/\/(www\.)?[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b([-a-zA-Z0-9()@:%_\+.~#?&//=]*)$",
            r"https?://(www\.)?[-a-zA-Z0-9@:%._+~#=]{1,10}\.[a-zA-Z0-9()]{1,7}([-a-zA-Z0-9()@:%_+.~#?&/=]{0,10})",
        ),
        check::<SerilogMethodName>(
            At::Field("method"),
            r"^(?<CSharpMethodName>[a-zA-Z_]\w*)$",
            "[a-zA-Z_][a-zA-Z0-9_]{0,8}",
        ),
        check::<HugoGoogleAnalytics>(
            At::Field("google_analytics"),
            r"(UA-\d{4,9}-\d)|(G-\w+)",
            "UA-[0-9]{3,10}-[0-9]|G-[a-zA-Z0-9_]{0,8}",
        ),
        check::<OkhDoi>(
            At::Field("doi"),
            r"^(doi: |DOI: |https://doi.org/)?10\.\d{4,9}\/[-._;()/:a-zA-Z0-9]+$",
            r"(doi: |DOI: |https://doi\.org/)?10\.[0-9]{3,10}/[-._;()/:a-zA-Z0-9]{1,10}",
        ),
        check::<UprojectEngineAssociation>(
            At::Field("engine_association"),
            r"(^([0-9]+)\.([0-9]+)$)|(^\{[A-F0-9]{8}(-[A-F0-9]{4}){3}-[A-F0-9]{12}\}$)|^$|[\\/]",
            r"[0-9]{1,3}\.[0-9]{1,3}|\{[A-F0-9]{8}(-[A-F0-9]{4}){3}-[A-F0-9]{12}\}|[a-z]{0,3}[\\/][a-z]{0,3}",
        ),
        check::<SigmacvPhoto>(
            At::Field("photo"),
            r"^data:image\/(jpeg|png|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$",
            "data:image/(jpeg|png|webp|gif|svg);base64,[A-Za-z0-9+/]{1,12}={0,3}",
        ),
        check::<WebManifestImageType>(
            At::Field("media_type"),
            r"^[\sa-z0-9\-+;\.=\/]+$",
            &format!("[a-z]{{1,5}}/[a-z0-9.+-]{{1,6}}(;{SPACE}?[a-z]{{1,5}}=[a-z0-9]{{1,4}})?"),
        ),
        check::<PdmVersionFormat>(
            At::Field("version_format"),
            r"([\w.]+):([\w.]+)\s*(\([^)]+\))?",
            &format!(r"[a-zA-Z0-9_.]{{1,6}}:[a-zA-Z0-9_.]{{1,6}}{SPACE}?(\([a-z ]{{1,6}}\))?"),
        ),
        check::<MboatsAppId>(At::Field("app_id"), r"^[\w]{5,7}$", "[a-zA-Z0-9_]{4,8}"),
    ]);
}

#[test]
fn cyclonedx_patterns_agree_with_the_schema_validator() {
    const UUID: &str = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    report(&[
        check::<CycloneDxSerialNumber>(
            At::Field("serial_number"),
            r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            &format!("urn:uuid:{UUID}"),
        ),
        check::<CycloneDxHashContent>(
            At::Field("content"),
            r"^([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$",
            "[a-fA-F0-9]{31,33}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{127,129}",
        ),
        check::<CycloneDxLocale>(
            At::Field("locale"),
            r"^([a-z]{2})(-[A-Z]{2})?$",
            "[a-z]{2}(-[A-Z]{2})?",
        ),
        check::<CycloneDxPatentNumber>(
            At::Field("patent_number"),
            r"^[A-Za-z0-9][A-Za-z0-9\-/.()\s]{0,28}[A-Za-z0-9]$",
            r"[A-Za-z0-9][A-Za-z0-9/.() \x{A0}\x{2028}\x{FEFF}-]{0,29}[A-Za-z0-9]",
        ),
        check::<CycloneDxBomLinkElement>(
            At::Field("bom_link"),
            r"^urn:cdx:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[1-9][0-9]*#.+$",
            &format!("urn:cdx:{UUID}/[0-9]{{1,3}}#.{{1,6}}"),
        ),
    ]);
}

#[test]
fn openapi_patterns_agree_with_the_schema_validator() {
    report(&[
        check::<Swagger2Host>(
            At::Field("host"),
            r"^[^{}/ :\\]+(?::\d+)?$",
            "[a-z0-9.-]{1,10}(:[0-9]{1,5})?",
        ),
        check::<OpenApi30Version>(
            At::Field("openapi"),
            r"^3\.0\.\d(-.+)?$",
            r"3\.0\.[0-9](-.{1,6})?|3\.[01]\.[0-9]{1,2}(-.{1,6})?",
        ),
        check::<OpenApi30BearerScheme>(
            At::Field("scheme"),
            r"^[Bb][Ee][Aa][Rr][Ee][Rr]$",
            "[Bb][Ee][Aa][Rr][Ee][Rr]",
        ),
    ]);
}

#[test]
fn refused_patterns_agree_with_the_schema_validator() {
    const UUID: &str =
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    report(&[
        check_rules::<BuildkiteStepKey>(
            At::Field("key"),
            &[
                r"^[a-zA-Z0-9_\-:${}.,]+$",
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
            ],
            &["max_len", "pattern", "not_pattern"],
            &format!(
                r"[a-zA-Z0-9_:$\{{\}}.,-]{{1,12}}|{UUID}|[0-9a-f]{{7,9}}(-[0-9a-f]{{4}}){{3}}-[0-9a-f]{{11,13}}"
            ),
            |_| true,
        ),
        check_rules::<CodexRelativePath>(
            At::Field("path"),
            &[r"^(?:[A-Za-z]:|/|\\\\)"],
            &["min_len", "not_pattern"],
            r"[A-Za-z]:[a-z/\\]{0,4}|/[a-z]{0,4}|\\{1,2}[a-z]{0,4}|[a-z./]{1,6}",
            |_| true,
        ),
        check_rules::<OkhRelPaths>(
            At::Items("paths"),
            &["^[a-z]*:", "^//", r"(?:.*/)?\.\.(?:/.*)?"],
            &["not_pattern", "not_pattern", "not_pattern"],
            r"[a-z]{0,5}:[a-z/]{0,4}|//[a-z]{0,4}|[a-z/]{0,4}\.\.[a-z/]{0,4}|[a-z./]{1,8}",
            |_| true,
        ),
    ]);
    // `null` on an optional member: no refused pattern applies, for the schema too.
    let schema = CodexRelativePath::json_schema();
    let validator = jsonschema::validator_for(&schema).expect("the derived schema compiles");
    assert!(validator.is_valid(&json!({"path": null})), "{schema}");
    assert!(serde_json::from_value::<CodexRelativePath>(json!({"path": null})).is_ok());
}
