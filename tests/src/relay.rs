//! A TCP relay between the application and its PostgreSQL server that a test can cut and
//! restore: the database vanishes for this application alone, while other tests go on using
//! the same server.

use std::{
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};
use tokio::{
    net::{TcpListener, TcpStream},
    sync::watch,
    task::JoinHandle,
};

/// A running relay on a port of 127.0.0.1.
pub struct Relay {
    /// Its port.
    pub port: u16,
    open: Arc<AtomicBool>,
    cuts: watch::Sender<u64>,
    task: JoinHandle<()>,
}

impl Relay {
    /// Relays connections made to its port on to `target`.
    pub async fn start(target: SocketAddr) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let port = listener.local_addr().expect("bound").port();
        let open = Arc::new(AtomicBool::new(true));
        let (cuts, _) = watch::channel(0u64);
        let task = tokio::spawn({
            let open = open.clone();
            let cuts = cuts.clone();
            async move {
                while let Ok((mut client, _)) = listener.accept().await {
                    // Subscribed before looking: a cut right after the look still ends it.
                    let mut cut = cuts.subscribe();
                    if !open.load(Ordering::SeqCst) {
                        // Closed at once: as if nothing listened behind it.
                        drop(client);
                        continue;
                    }
                    tokio::spawn(async move {
                        let Ok(mut server) = TcpStream::connect(target).await else {
                            return;
                        };
                        tokio::select! {
                            _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                            _ = cut.changed() => {}
                        }
                    });
                }
            }
        });
        Relay {
            port,
            open,
            cuts,
            task,
        }
    }

    /// The database is gone: every relayed connection drops, new ones close at once.
    pub fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        self.cuts.send_modify(|n| *n += 1);
    }

    /// The database is back.
    pub fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.task.abort();
    }
}
