//! A bounded load run of `authlete_models::axum::Json` behind a real server on 127.0.0.1,
//! called by a real HTTP client (reqwest) over 64 keep-alive connections.
//!
//! What is checked:
//!
//! - **Load.** 20,480 requests, after a warm-up of 4,096, from 64 client tasks, each with its
//!   own `reqwest::Client` and so its own connection, to
//!   `POST /api/{serviceId}/client/secret/update/{clientIdentifier}` served by axum with
//!   `Json<ClientSecretUpdateRequest>`. The server's listener counts the TCP connections it
//!   accepts and those still open: exactly 64 accepted over the whole test and all 64 open at
//!   the end of the run, so every request went over one of 64 concurrent keep-alive
//!   connections.
//! - **Every answer.** A third of the requests are invalid, chosen by their index: four kinds
//!   of rule violation (422, the `errors` list compared path by path and code by code), two of
//!   malformed body (400: a trailing comma, answered with its line and column; bytes that are
//!   not UTF-8) and two of content type (415: `text/plain`, none). Each answer's status,
//!   content type and body are checked; a 200 body must read as `ClientSecretUpdateResponse`
//!   carrying the secret that request sent. The tally of statuses must be the one the indices
//!   give, and the server's task must still be running at the end. (A handler that panicked
//!   would drop its connection: a failed request, or a 65th connection.)
//! - **Memory.** A counting `#[global_allocator]` keeps the bytes allocated and freed; live
//!   bytes are their difference (what the program holds from the allocator, not RSS). They are
//!   read after the warm-up and after the run, each time once every answer has been received
//!   and the count has stopped moving, with the 64 connections open. Their growth over the run
//!   must stay within [`BOUND`], 256 KiB, for the *whole process*: server, client and test
//!   harness together. Once the clients are dropped and the server has closed all 64
//!   connections, live bytes must be below the reading after the warm-up.
//!
//! The bound. Measured, the growth over the run is 0 bytes, of about 600 MB allocated and
//! freed during it (debug build). What an idle connection holds depends on its recent past:
//! over its first few dozen requests, buffers of 8 to 32 KiB that each connection holds are
//! replaced by ones of another size (seen with a count of live allocations by size). The
//! warm-up, 64 requests on each connection, is past that; with 32, the growth measures 48,640
//! bytes (760 a connection), and 0 from there on (tried over 46,000 requests more).
//! 256 KiB leaves room for a quarter of the connections holding one buffer more at the end on
//! another machine, while a leak of 13 bytes on every request (20,480 × 13 > 256 Ki), or of 39
//! on every invalid one, is over it.
//!
//! The second test is the positive control: the same harness and measurement, with a handler
//! that leaks 256 bytes on each request it serves (2,048 of a run of 3,072). Its growth must
//! exceed the bound and be the leaked total to within the bound: it measures exactly that.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use authlete_models::axum::Json;
use authlete_models::{ClientSecretUpdateRequest, ClientSecretUpdateResponse};
use authlete_models_http_tests::{UPDATE, update};
use axum::Router;
use axum::extract::Path;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::post;
use axum::serve::Listener;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// The most the process's live bytes may grow over the run (see the module's documentation).
const BOUND: i64 = 256 * 1024;
/// Client tasks, each with its own connection.
const CONNECTIONS: usize = 64;
/// Requests of the warm-up: 64 on each connection, enough for the buffers of every
/// connection to settle at their size (see the module's documentation).
const WARM_UP: usize = 4_096;
/// Requests of the measured run.
const REQUESTS: usize = 20_480;

// The counting allocator: the system allocator, and the bytes it has handed out and taken back.

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static FREED: AtomicUsize = AtomicUsize::new(0);

struct Counting;

// A `GlobalAlloc` is an `unsafe` trait; each method passes its arguments on to `System`
// unchanged, with the same contract.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        FREED.fetch_add(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            ALLOCATED.fetch_add(new_size, Ordering::Relaxed);
            FREED.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Bytes allocated and not yet freed, in the whole process.
fn live() -> i64 {
    // Read when the process is quiet (see `settled`), so that the two agree.
    let freed = FREED.load(Ordering::Relaxed);
    let allocated = ALLOCATED.load(Ordering::Relaxed);
    allocated as i64 - freed as i64
}

/// Live bytes once the process is quiet: the reading that stayed the same over 5 readings
/// 20 ms apart.
fn settled() -> i64 {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = live();
    let mut same = 0;
    while same < 5 {
        assert!(Instant::now() < deadline, "live bytes never settled");
        std::thread::sleep(Duration::from_millis(20));
        let now = live();
        if now == last {
            same += 1;
        } else {
            (last, same) = (now, 0);
        }
    }
    last
}

/// The tests share the allocator's counts, so they run one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

// The server: a listener that counts the connections it accepts and those still open.

#[derive(Default)]
struct Connections {
    accepted: AtomicUsize,
    open: AtomicUsize,
}

struct CountingListener {
    inner: TcpListener,
    connections: Arc<Connections>,
}

impl Listener for CountingListener {
    type Io = CountedStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (CountedStream, SocketAddr) {
        let (io, peer) = Listener::accept(&mut self.inner).await;
        self.connections.accepted.fetch_add(1, Ordering::SeqCst);
        self.connections.open.fetch_add(1, Ordering::SeqCst);
        let connections = self.connections.clone();
        (CountedStream { io, connections }, peer)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// An accepted connection; it counts itself closed when the server drops it.
struct CountedStream {
    io: TcpStream,
    connections: Arc<Connections>,
}

impl Drop for CountedStream {
    fn drop(&mut self) {
        self.connections.open.fetch_sub(1, Ordering::SeqCst);
    }
}

impl AsyncRead for CountedStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for CountedStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

/// Bytes the leaking handler of the positive control leaks on each request it serves.
const LEAK: usize = 256;
/// Requests the leaking handler has served.
static LEAKED: AtomicUsize = AtomicUsize::new(0);

/// `update`, leaking [`LEAK`] bytes on each request.
async fn update_and_leak(
    path: Path<(String, String)>,
    body: Json<ClientSecretUpdateRequest>,
) -> impl IntoResponse {
    std::hint::black_box(Box::leak(vec![1u8; LEAK].into_boxed_slice()));
    LEAKED.fetch_add(1, Ordering::SeqCst);
    update(path, body).await
}

// The requests: the index of a request chooses its kind.

/// One request and the answer it must get.
struct Case {
    content_type: Option<&'static str>,
    body: Vec<u8>,
    expect: Expect,
}

enum Expect {
    /// 200, the response model with this secret.
    Updated(String),
    /// 422, exactly these violations (path, code).
    Invalid(&'static [(&'static str, &'static str)]),
    /// 400, the detail containing this.
    Malformed(&'static str),
    /// 415.
    Unsupported,
}

/// The request of index `i`: two thirds valid, the third with `i % 3 == 2` invalid, of eight
/// kinds in turn.
fn case(i: usize) -> Case {
    const JSON: Option<&str> = Some("application/json");
    let json = |body: String| (JSON, body.into_bytes());
    let ((content_type, body), expect) = match (i % 3, i / 3 % 8) {
        (0, _) => {
            let secret = format!("s-{i}");
            (
                json(format!(r#"{{"clientSecret": "{secret}"}}"#)),
                Expect::Updated(secret),
            )
        }
        (1, _) => {
            // Authlete's own length, in a media type with a parameter.
            let secret = format!("A-z_{i:0>82}");
            (
                (
                    Some("application/json; charset=utf-8"),
                    format!(r#"{{"clientSecret": "{secret}"}}"#).into_bytes(),
                ),
                Expect::Updated(secret),
            )
        }
        (_, 0) => (
            json(r#"{"clientSecret": ""}"#.into()),
            Expect::Invalid(&[("/clientSecret", "min_len")]),
        ),
        (_, 1) => (
            json(format!(r#"{{"clientSecret": "{}+{i}"}}"#, "a".repeat(90))),
            Expect::Invalid(&[("/clientSecret", "max_len"), ("/clientSecret", "charset")]),
        ),
        (_, 2) => (
            json("{}".into()),
            Expect::Invalid(&[("/clientSecret", "required")]),
        ),
        (_, 3) => (
            json(format!(r#"{{"clientSecret": {i}}}"#)),
            Expect::Invalid(&[("/clientSecret", "type")]),
        ),
        (_, 4) => (
            json(format!("{{\n  \"clientSecret\": \"s{i}\",\n}}")),
            Expect::Malformed("line 3 column 1"),
        ),
        (_, 5) => (
            (JSON, vec![b'"', 0xFF, b'"']),
            Expect::Malformed("not UTF-8"),
        ),
        (_, 6) => (
            (
                Some("text/plain"),
                format!(r#"{{"clientSecret": "s{i}"}}"#).into_bytes(),
            ),
            Expect::Unsupported,
        ),
        _ => (
            (None, format!(r#"{{"clientSecret": "s{i}"}}"#).into_bytes()),
            Expect::Unsupported,
        ),
    };
    Case {
        content_type,
        body,
        expect,
    }
}

/// The statuses answered, in the order 200, 400, 415, 422.
type Tally = [usize; 4];

fn slot(status: u16) -> usize {
    match status {
        200 => 0,
        400 => 1,
        415 => 2,
        422 => 3,
        _ => panic!("unexpected status {status}"),
    }
}

/// Sends the request of index `i` and checks its answer; returns its status.
async fn exchange(client: &reqwest::Client, url: &reqwest::Url, i: usize) -> u16 {
    let case = case(i);
    let mut request = client.post(url.clone()).body(case.body);
    if let Some(t) = case.content_type {
        request = request.header(CONTENT_TYPE, t);
    }
    let response = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("request {i}: {e}"));
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = response.text().await.unwrap();
    let problem = || -> Value {
        assert_eq!(content_type, "application/problem+json", "request {i}");
        let problem: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["status"], status, "request {i}: {body}");
        problem
    };
    match case.expect {
        Expect::Updated(secret) => {
            assert_eq!((status, content_type.as_str()), (200, "application/json"));
            let answer: ClientSecretUpdateResponse =
                serde_json::from_str(&body).unwrap_or_else(|e| panic!("request {i}: {e}"));
            assert_eq!(answer.result_code.as_deref(), Some("A149001"));
            let sent = answer
                .new_client_secret
                .as_ref()
                .map(|s| s.expose().as_str());
            assert_eq!(sent, Some(secret.as_str()), "request {i}");
        }
        Expect::Invalid(violations) => {
            assert_eq!(status, 422, "request {i}: {body}");
            let problem = problem();
            let errors: Vec<(&str, &str)> = problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| (e["path"].as_str().unwrap(), e["code"].as_str().unwrap()))
                .collect();
            assert_eq!(errors, violations, "request {i}");
        }
        Expect::Malformed(detail) => {
            assert_eq!(status, 400, "request {i}: {body}");
            let problem = problem();
            assert!(problem.get("errors").is_none(), "request {i}: {body}");
            let got = problem["detail"].as_str().unwrap();
            assert!(got.contains(detail), "request {i}: {got}");
        }
        Expect::Unsupported => {
            assert_eq!(status, 415, "request {i}: {body}");
            problem();
        }
    }
    status
}

/// The tally the indices `range` must give.
fn expected(range: std::ops::Range<usize>) -> Tally {
    let mut tally = [0; 4];
    for i in range {
        let status = match case(i).expect {
            Expect::Updated(_) => 200,
            Expect::Malformed(_) => 400,
            Expect::Unsupported => 415,
            Expect::Invalid(_) => 422,
        };
        tally[slot(status)] += 1;
    }
    tally
}

/// Sends the requests of indices `range`, request `i` by client `i % clients.len()`, each
/// client's in turn; returns the tally once every answer has been received and checked.
async fn phase(
    clients: &[reqwest::Client],
    url: &reqwest::Url,
    range: std::ops::Range<usize>,
) -> Tally {
    let n = clients.len();
    let tasks: Vec<_> = clients
        .iter()
        .enumerate()
        .map(|(t, client)| {
            let (client, url, range) = (client.clone(), url.clone(), range.clone());
            tokio::spawn(async move {
                let mut tally = [0; 4];
                for i in range.filter(|i| i % n == t) {
                    tally[slot(exchange(&client, &url, i).await)] += 1;
                }
                tally
            })
        })
        .collect();
    let mut tally = [0; 4];
    for task in tasks {
        let part = task.await.unwrap();
        for (sum, k) in tally.iter_mut().zip(part) {
            *sum += k;
        }
    }
    tally
}

/// What a run measured.
#[derive(Debug)]
struct Run {
    warm_up: usize,
    requests: usize,
    /// Live bytes after the warm-up, and after the run, with every connection open.
    warm: i64,
    end: i64,
    /// Live bytes once the clients are dropped and the server has closed every connection.
    closed: i64,
    /// Bytes allocated during the run (freed or not).
    churn: usize,
    /// Connections the server accepted, all of them open at the end of the run.
    accepted: usize,
    seconds: f64,
}

/// Serves `app` on 127.0.0.1 and sends it `warm_up` requests, then `requests` more, over
/// [`CONNECTIONS`] connections; checks every answer, the tallies, the connections and that
/// the server is still running, and reads the live bytes.
fn run(app: Router, warm_up: usize, requests: usize, before_run: impl FnOnce()) -> Run {
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let connections = Arc::new(Connections::default());
    let (url, server) = runtime.block_on(async {
        let inner = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!(
            "http://{}/api/1234/client/secret/update/5678",
            inner.local_addr().unwrap()
        );
        // Parsed once: the client's own work per request is not what is measured.
        let url = reqwest::Url::parse(&url).unwrap();
        let listener = CountingListener {
            inner,
            connections: connections.clone(),
        };
        let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (url, server)
    });
    let clients: Vec<reqwest::Client> = runtime.block_on(async {
        (0..CONNECTIONS)
            .map(|_| {
                reqwest::Client::builder()
                    .pool_max_idle_per_host(1)
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .unwrap()
            })
            .collect()
    });
    let accepted = || connections.accepted.load(Ordering::SeqCst);
    let open = || connections.open.load(Ordering::SeqCst);

    let tally = runtime.block_on(phase(&clients, &url, 0..warm_up));
    assert_eq!(tally, expected(0..warm_up));
    assert_eq!((accepted(), open()), (CONNECTIONS, CONNECTIONS));
    let warm = settled();
    before_run();

    let allocated = ALLOCATED.load(Ordering::Relaxed);
    let range = warm_up..warm_up + requests;
    let tally = runtime.block_on(phase(&clients, &url, range.clone()));
    let churn = ALLOCATED.load(Ordering::Relaxed) - allocated;
    assert_eq!(tally, expected(range));
    let end = settled();
    let (accepted, open_at_end) = (accepted(), open());
    assert_eq!((accepted, open_at_end), (CONNECTIONS, CONNECTIONS));
    assert!(!server.is_finished(), "the server stopped");

    drop(clients);
    let deadline = Instant::now() + Duration::from_secs(10);
    while open() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(open(), 0, "the server did not close every connection");
    let closed = settled();
    assert!(!server.is_finished(), "the server stopped");
    server.abort();
    drop(runtime);
    Run {
        warm_up,
        requests,
        warm,
        end,
        closed,
        churn,
        accepted,
        seconds: started.elapsed().as_secs_f64(),
    }
}

fn report(run: &Run) {
    println!(
        "{} requests after a warm-up of {} over {} connections in {:.1} s ({} bytes allocated \
         during the run); live bytes: {} after the warm-up, {} after the run ({:+}), {} once \
         the connections are closed",
        run.requests,
        run.warm_up,
        run.accepted,
        run.seconds,
        run.churn,
        run.warm,
        run.end,
        run.end - run.warm,
        run.closed
    );
}

#[test]
fn live_bytes_stay_within_the_bound_over_the_run() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let app = Router::new().route(UPDATE, post(update));
    let run = run(app, WARM_UP, REQUESTS, || ());
    report(&run);
    let growth = run.end - run.warm;
    assert!(
        growth <= BOUND,
        "live bytes grew by {growth} over the run (bound {BOUND}): {run:?}"
    );
    assert!(run.closed < run.warm, "{run:?}");
}

#[test]
fn the_counter_sees_a_leak_of_256_bytes_a_request() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let app = Router::new().route(UPDATE, post(update_and_leak));
    let mut leaked_before = 0;
    let run = run(app, WARM_UP, 3_072, || {
        leaked_before = LEAKED.load(Ordering::SeqCst)
    });
    let leaked = ((LEAKED.load(Ordering::SeqCst) - leaked_before) * LEAK) as i64;
    let growth = run.end - run.warm;
    report(&run);
    println!("leaked: {leaked} bytes ({LEAK} on each request served)");
    assert!(growth > BOUND, "growth {growth} within the bound: {run:?}");
    assert!(
        (growth - leaked).abs() <= BOUND,
        "growth {growth}, leaked {leaked}"
    );
}
