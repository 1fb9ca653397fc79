//! The inverse of `arbitrary` for the structured inputs, so seeds can be written as values.
//!
//! The inputs derive [`arbitrary::Arbitrary`] on structs of integers and fixed-size arrays
//! only: such a struct is its fields in order, each integer little-endian (arbitrary 1.x
//! reads integers with `from_le_bytes`, zero-padding a short input). [`Encode`] writes
//! exactly that layout; the unit tests check the round trip for every input type, so a
//! change in `arbitrary`'s format fails `cargo test` instead of silently making the seed
//! corpora meaningless.

/// A value that can be written as the bytes `arbitrary` decodes back into it.
pub trait Encode {
    /// Appends the encoding of `self` to `out`.
    fn encode_into(&self, out: &mut Vec<u8>);

    /// The encoding of `self`.
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }
}

macro_rules! encode_int {
    ($($t:ty),*) => {$(
        impl Encode for $t {
            fn encode_into(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
encode_int!(u8, u16, u32, u64);

impl<T: Encode, const N: usize> Encode for [T; N] {
    fn encode_into(&self, out: &mut Vec<u8>) {
        for v in self {
            v.encode_into(out);
        }
    }
}

/// Implements [`Encode`] for a struct whose fields are listed in declaration order.
macro_rules! encode_fields {
    ($t:ty { $($f:ident),* $(,)? }) => {
        impl $crate::bytes::Encode for $t {
            fn encode_into(&self, out: &mut Vec<u8>) {
                $($crate::bytes::Encode::encode_into(&self.$f, out);)*
            }
        }
    };
}
pub(crate) use encode_fields;

#[cfg(test)]
mod tests {
    use super::*;
    use arbitrary::{Arbitrary, Unstructured};

    #[test]
    fn integers_and_arrays_round_trip() {
        let v: (u8, u16, [u32; 2], u64) = (0xab, 0x1234, [5, 0xdead_beef], u64::MAX - 7);
        let mut b = Vec::new();
        v.0.encode_into(&mut b);
        v.1.encode_into(&mut b);
        v.2.encode_into(&mut b);
        v.3.encode_into(&mut b);
        let mut u = Unstructured::new(&b);
        let back = <(u8, u16, [u32; 2], u64)>::arbitrary(&mut u).unwrap();
        assert_eq!(back, v);
        assert!(u.is_empty());
    }
}
