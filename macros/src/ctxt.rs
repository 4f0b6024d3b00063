//! The collector of every diagnostic of one macro input, so that a user with three mistakes
//! sees three errors in one build, in the order of the source.

use std::cell::{Cell, RefCell};
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// How many parse errors had been found when a node of the input was parsed. Checks of that
/// node report at its mark, so that their errors fall between the parse errors before and
/// after it, as in the source.
pub type Mark = usize;

#[derive(Default)]
pub struct Ctxt {
    /// Each error with its sort key: `2 * n + 1` for the `n`th parse error, `2 * mark` for an
    /// error of a check made at `mark`.
    errors: RefCell<Vec<(usize, syn::Error)>>,
    parse_errors: Cell<usize>,
    checking_at: Cell<Option<Mark>>,
}

impl Ctxt {
    /// An error spanned on the tokens of `tokens`, from the first to the last.
    pub fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    pub fn push(&self, error: syn::Error) {
        let key = match self.checking_at.get() {
            Some(mark) => 2 * mark,
            None => {
                let n = self.parse_errors.get();
                self.parse_errors.set(n + 1);
                2 * n + 1
            }
        };
        self.errors.borrow_mut().push((key, error));
    }

    /// The mark of what was just parsed.
    pub fn mark(&self) -> Mark {
        self.parse_errors.get()
    }

    /// Reports the errors that follow as found by checking the node parsed at `mark`.
    pub fn check_at(&self, mark: Mark) {
        self.checking_at.set(Some(mark));
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// Every error, as `compile_error!` invocations in the order of the source.
    pub fn into_compile_errors(self) -> TokenStream {
        let mut errors = self.errors.into_inner();
        errors.sort_by_key(|(key, _)| *key);
        errors
            .into_iter()
            .map(|(_, error)| error.into_compile_error())
            .collect()
    }
}
