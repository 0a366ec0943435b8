//! Where a certificate's revocation is published: a public list of bits, one per
//! certificate, set when the certificate is revoked (a W3C Bitstring Status List). Each list
//! holds [`LIST_BITS`] certificates; the certificate with id `n` sits in list
//! `(n - 1) / LIST_BITS + 1` at index `(n - 1) % LIST_BITS`, so its place is known from the
//! moment it is issued and never moves.

use crate::domain::ids::CertificateId;

/// Bits in one list: 16 KiB, the size the standard asks as a minimum so that a list does not
/// tell which certificate a verifier is asking about.
pub const LIST_BITS: u32 = 131_072;

/// A certificate's place in the status lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusEntry {
    /// The list's number, from 1.
    pub list: u32,
    /// The bit's index in the list, from 0.
    pub index: u32,
}

/// The place of the certificate with `id`; none for an id below 1 (never issued).
pub fn entry(id: CertificateId) -> Option<StatusEntry> {
    let n = u32::try_from(id.get()).ok()?.checked_sub(1)?;
    Some(StatusEntry {
        list: n / LIST_BITS + 1,
        index: n % LIST_BITS,
    })
}

/// The ids a list covers, first and last, or none for list 0 or one past the last id.
pub fn ids_of(list: u32) -> Option<(CertificateId, CertificateId)> {
    let first = list
        .checked_sub(1)?
        .checked_mul(LIST_BITS)?
        .checked_add(1)?;
    let last = first.checked_add(LIST_BITS - 1)?;
    Some((
        CertificateId::new(i32::try_from(first).ok()?),
        CertificateId::new(i32::try_from(last).unwrap_or(i32::MAX)),
    ))
}

/// The bits of list `list` with the revoked certificates among `revoked` set: the first
/// index is the highest bit of the first byte, as the standard reads it. Ids from other
/// lists are left out.
pub fn bitstring(list: u32, revoked: &[CertificateId]) -> Vec<u8> {
    let mut bits = vec![0u8; (LIST_BITS / 8) as usize];
    for place in revoked.iter().filter_map(|id| entry(*id)) {
        if place.list == list {
            bits[(place.index / 8) as usize] |= 0x80 >> (place.index % 8);
        }
    }
    bits
}

/// Whether the bit at `index` is set in `bits` (as [`bitstring`] writes them).
pub fn is_set(bits: &[u8], index: u32) -> bool {
    bits.get((index / 8) as usize)
        .is_some_and(|byte| byte & (0x80 >> (index % 8)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_first_certificate_is_the_first_bit_of_the_first_list() {
        let place = entry(CertificateId::new(1)).unwrap();
        assert_eq!(place, StatusEntry { list: 1, index: 0 });
        let bits = bitstring(1, &[CertificateId::new(1)]);
        assert_eq!(bits.len(), 16_384);
        assert_eq!(bits[0], 0b1000_0000);
        assert!(bits[1..].iter().all(|b| *b == 0));
    }

    #[test]
    fn lists_follow_each_other() {
        let last = CertificateId::new(LIST_BITS as i32);
        assert_eq!(
            entry(last),
            Some(StatusEntry {
                list: 1,
                index: LIST_BITS - 1
            })
        );
        assert_eq!(
            entry(CertificateId::new(LIST_BITS as i32 + 1)),
            Some(StatusEntry { list: 2, index: 0 })
        );
        assert_eq!(
            ids_of(2),
            Some((
                CertificateId::new(LIST_BITS as i32 + 1),
                CertificateId::new(2 * LIST_BITS as i32)
            ))
        );
        let bits = bitstring(1, &[last, CertificateId::new(LIST_BITS as i32 + 1)]);
        assert_eq!(bits[bits.len() - 1], 1);
        assert_eq!(bits.iter().map(|b| b.count_ones()).sum::<u32>(), 1);
    }

    #[test]
    fn no_place_before_the_first_id_or_list() {
        assert_eq!(entry(CertificateId::new(0)), None);
        assert_eq!(entry(CertificateId::new(-4)), None);
        assert_eq!(ids_of(0), None);
    }

    proptest! {
        #[test]
        fn exactly_the_revoked_bits_are_set(
            revoked in proptest::collection::btree_set(1i32..400_000, 0..40),
            probe in 1i32..400_000,
        ) {
            let ids: Vec<CertificateId> = revoked.iter().copied().map(CertificateId::new).collect();
            let place = entry(CertificateId::new(probe)).unwrap();
            let (first, last) = ids_of(place.list).unwrap();
            prop_assert!(first.get() <= probe && probe <= last.get());
            let bits = bitstring(place.list, &ids);
            prop_assert_eq!(is_set(&bits, place.index), revoked.contains(&probe));
            let in_list = ids.iter().filter(|id| entry(**id).unwrap().list == place.list).count();
            prop_assert_eq!(bits.iter().map(|b| b.count_ones() as usize).sum::<usize>(), in_list);
        }
    }
}
