use igang_tests::{Backend, TestOptions, backends, spawn_app};

#[tokio::test]
async fn liveness_and_readiness_answer() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        let client = app.client();
        let live = client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(live.status(), 200, "{}", backend.name());
        assert_eq!(live.text().await.unwrap(), "ok");
        let ready = client.get(app.url("/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), 200, "{}", backend.name());
        app.stop().await;
    }
}

#[tokio::test]
async fn readiness_fails_when_the_database_is_gone() {
    for backend in backends() {
        let app = spawn_app(&backend, TestOptions::default()).await;
        app.db.clone().close().await.unwrap();
        let ready = app.client().get(app.url("/readyz")).send().await.unwrap();
        assert_eq!(ready.status(), 503, "{}", backend.name());
        assert_eq!(ready.text().await.unwrap(), "database unavailable");
        // Liveness is about the process, not its dependencies.
        let live = app.client().get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(live.status(), 200);
        app.stop().await;
    }
}

/// Responses on a kept-alive connection must not wait for the client's delayed ACK: the
/// server's end of the connection has Nagle's algorithm off.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn accepted_connections_have_nodelay() {
    use std::io::{Read, Write};
    let app = spawn_app(&Backend::Sqlite, TestOptions::default()).await;
    let addr = app.addr;
    let (client_addr, nodelay) = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        // A changed answer fails the test instead of hanging it.
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 512];
        while !String::from_utf8_lossy(&seen).ends_with("ok") {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "connection closed before the response");
            seen.extend_from_slice(&buf[..n]);
        }
        // The connection stays open (kept alive) while the server's socket is inspected.
        let client_addr = stream.local_addr().unwrap();
        let nodelay = server_side_nodelay(addr, client_addr);
        drop(stream);
        (client_addr, nodelay)
    })
    .await
    .unwrap();
    assert_eq!(
        nodelay,
        Some(true),
        "the accepted socket for {client_addr} should have TCP_NODELAY set"
    );
    app.stop().await;
}

/// `TCP_NODELAY` of this process's socket that accepted `client` on `server`, if found.
#[cfg(target_os = "linux")]
fn server_side_nodelay(server: std::net::SocketAddr, client: std::net::SocketAddr) -> Option<bool> {
    use std::os::fd::BorrowedFd;
    for entry in std::fs::read_dir("/proc/self/fd").ok()?.flatten() {
        let is_socket = std::fs::read_link(entry.path())
            .map(|target| target.to_string_lossy().starts_with("socket:"))
            .unwrap_or(false);
        let Some(fd) = entry.file_name().to_str().and_then(|n| n.parse().ok()) else {
            continue;
        };
        if !is_socket {
            continue;
        }
        // SAFETY: the descriptor is only borrowed for a few getsockopt/getsockname calls;
        // if another test closes it meanwhile those calls fail with EBADF, and a reused
        // number is rejected by the address check below.
        let fd = unsafe { BorrowedFd::borrow_raw(fd) };
        let socket = socket2::SockRef::from(&fd);
        let local = socket.local_addr().ok().and_then(|a| a.as_socket());
        let peer = socket.peer_addr().ok().and_then(|a| a.as_socket());
        if local == Some(server) && peer == Some(client) {
            return socket.tcp_nodelay().ok();
        }
    }
    None
}
