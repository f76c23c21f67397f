//! The browser layer (wasm32 only): mounting, Shadow DOM rendering, events and the JS API.
//! Thin on purpose: it turns DOM events into [`crate::query::Query`] values and
//! [`crate::query::Results`] into nodes, and holds no business logic.
