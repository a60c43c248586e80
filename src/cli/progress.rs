//! A progress bar on stderr while inputs are read: documents, MB/s and, when
//! the input size is known, a bar with its ETA. Shown only when stderr is a
//! terminal and messages are text; jobs and pipes see nothing of it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tolltrack::pipeline::Notice;

/// The bar, if one is shown. Cleared when dropped, so the closing summary
/// line prints on a clean line.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Whether the bar has its final style (set on the first update).
    styled: std::cell::Cell<bool>,
}

impl Progress {
    /// A bar on stderr if it is a terminal (and `enabled`), else nothing.
    pub fn new(enabled: bool) -> Progress {
        let show = enabled && std::io::stderr().is_terminal();
        Progress {
            bar: show.then(|| {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
                    bar.set_style(style);
                }
                bar.set_message("reading");
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            }),
            styled: std::cell::Cell::new(false),
        }
    }

    /// Print a message line above the bar (or plainly, without one).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Move the bar on a `Notice::Progress`.
    pub fn update(&self, read: u64, total: Option<u64>, documents: usize) {
        let Some(bar) = &self.bar else {
            return;
        };
        if !self.styled.replace(true) {
            let style = match total {
                Some(t) => {
                    bar.set_length(t);
                    "{spinner} [{bar:30}] {bytes}/{total_bytes} · {msg} · {bytes_per_sec} · ETA {eta}"
                }
                None => "{spinner} {bytes} · {msg} · {bytes_per_sec}",
            };
            if let Ok(style) = ProgressStyle::with_template(style) {
                bar.set_style(style.progress_chars("=> "));
            }
        }
        bar.set_position(read);
        bar.set_message(format!("{documents} documents"));
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A notice handler that prints messages as `print` does and moves the bar.
pub fn handler(progress: Progress, print: fn(Notice) -> Option<String>) -> impl FnMut(Notice) {
    move |n| match n {
        Notice::Progress {
            read,
            total,
            documents,
        } => progress.update(read, total, documents),
        other => {
            if let Some(line) = print(other) {
                progress.println(&line);
            }
        }
    }
}
