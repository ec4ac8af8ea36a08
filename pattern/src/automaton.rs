//! From a [`Hir`] to the tables of a [`Dfa`]: `regex-automata` determinizes, then the states
//! are copied out, minimized and renumbered, and the bytes grouped into classes.

use std::collections::{HashMap, VecDeque};

use regex_automata::dfa::{Automaton, StartKind, dense};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::primitives::StateID;
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::{Class, Hir, Look, Repetition};

use crate::{Dfa, Refusal, sets};

/// The most states a [`Dfa`] can have: they are numbered in `u16`.
pub(crate) const MAX_STATES: usize = 1 << 16;

/// The most memory the NFA may take, in bytes: past it, a repetition count is too high.
const NFA_SIZE_LIMIT: usize = 16 << 20;

/// The most memory `regex-automata` may take to build its DFA, in bytes.
const DFA_SIZE_LIMIT: usize = 256 << 20;

/// Builds the automaton that tells whether `hir` matches somewhere in a string, with at most
/// `max_states` states.
pub(crate) fn build(hir: &Hir, max_states: usize) -> Result<Dfa, Refusal> {
    let too_many_states = || {
        Refusal::new(format!(
            "the automaton for this pattern has more than {max_states} states"
        ))
    };
    // Unanchored: a match may start anywhere. `regex-automata`'s own unanchored start skips
    // any bytes, which is right for every match that starts with a character, and also for
    // the empty ones at `^`, `$` and `\b` (which never holds inside a code point). Only `\B`
    // holds between two bytes of one code point: with it, the prefix steps over whole code
    // points instead, and the search starts anchored after it.
    let inside_code_points = hir.properties().look_set().contains(Look::WordAsciiNegate);
    let (hir, anchored, start_kind) = if inside_code_points {
        let prefix = Hir::repetition(Repetition {
            min: 0,
            max: None,
            greedy: false,
            sub: Box::new(Hir::class(Class::Unicode(sets::any()))),
        });
        (
            Hir::concat(vec![prefix, hir.clone()]),
            Anchored::Yes,
            StartKind::Anchored,
        )
    } else {
        (hir.clone(), Anchored::No, StartKind::Unanchored)
    };
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .which_captures(WhichCaptures::None)
                .nfa_size_limit(Some(NFA_SIZE_LIMIT)),
        )
        .build_from_hir(&hir)
        .map_err(|_| {
            Refusal::new("the pattern is too large to compile: a repetition count may be too high")
        })?;
    // Determinizing is bounded by memory in proportion to `max_states`: a row of the DFA
    // being built takes `4 << stride2` bytes, and its states are usually hardly more than
    // those left after minimization, so twice as many (and room for the start states) is
    // plenty. It also builds the states past a first match, which `extract` drops: a pattern
    // with much to match after an early match may be refused though its table would be small.
    let row_bytes = 4usize << nfa.byte_classes().stride2();
    let dfa_bytes = max_states
        .saturating_mul(2)
        .saturating_add(64)
        .saturating_mul(row_bytes);
    let dense = dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(start_kind)
                .minimize(false)
                .accelerate(false)
                .specialize_start_states(false)
                .dfa_size_limit(Some(dfa_bytes.min(DFA_SIZE_LIMIT)))
                .determinize_size_limit(Some(DFA_SIZE_LIMIT)),
        )
        .build_from_nfa(&nfa)
        .map_err(|_| too_many_states())?;
    let full = extract(&dense, anchored)?;
    minimize(&full, max_states).ok_or_else(too_many_states)
}

/// The states of `regex-automata`'s DFA, in our numbering (0 dead, 1 matched, then the live
/// states in the order found), with one column per byte class of that DFA.
struct Extracted {
    /// The class, in `regex-automata`'s DFA, of each byte.
    classes: [u8; 256],
    class_count: usize,
    table: Vec<u32>,
    start: u32,
    accept_at_end: Vec<bool>,
}

/// Copies the reachable states of `dense` out, redirecting every match state to
/// [`Dfa::MATCHED`] and every dead state to [`Dfa::DEAD`].
///
/// `regex-automata` reports a match one byte late: entering a match state means a match
/// ended before the byte just read, and the end of the input is one more step
/// (`next_eoi_state`). So "accept at end" is whether that step enters a match state.
fn extract(dense: &dense::DFA<Vec<u32>>, anchored: Anchored) -> Result<Extracted, Refusal> {
    let internal = || Refusal::new("the automaton could not be built (an internal error)");
    let byte_classes = dense.byte_classes();
    let mut classes = [0u8; 256];
    for (byte, class) in (0..=255u8).zip(&mut classes) {
        *class = byte_classes.get(byte);
    }
    let class_count = usize::from(*classes.iter().max().unwrap_or(&0)) + 1;
    let mut representative = vec![0u8; class_count];
    for byte in (0..=255u8).rev() {
        representative[usize::from(classes[usize::from(byte)])] = byte;
    }

    let mut ids: HashMap<StateID, u32> = HashMap::new();
    let mut live: Vec<StateID> = Vec::new();
    let mut id_of = |state: StateID, live: &mut Vec<StateID>| -> Result<u32, Refusal> {
        if dense.is_quit_state(state) {
            return Err(internal());
        }
        if dense.is_dead_state(state) {
            return Ok(u32::from(Dfa::DEAD));
        }
        if dense.is_match_state(state) {
            return Ok(u32::from(Dfa::MATCHED));
        }
        Ok(*ids.entry(state).or_insert_with(|| {
            live.push(state);
            u32::try_from(live.len() + 1).expect("fewer states than memory")
        }))
    };
    let start_state = dense
        .start_state(&start::Config::new().anchored(anchored))
        .map_err(|_| internal())?;
    let start = id_of(start_state, &mut live)?;

    let mut table: Vec<u32> = Vec::new();
    table.extend(std::iter::repeat_n(u32::from(Dfa::DEAD), class_count));
    table.extend(std::iter::repeat_n(u32::from(Dfa::MATCHED), class_count));
    let mut accept_at_end = vec![false, true];
    let mut next = 0;
    while let Some(&state) = live.get(next) {
        next += 1;
        for &byte in &representative {
            table.push(id_of(dense.next_state(state, byte), &mut live)?);
        }
        accept_at_end.push(dense.is_match_state(dense.next_eoi_state(state)));
    }
    Ok(Extracted {
        classes,
        class_count,
        table,
        start,
        accept_at_end,
    })
}

/// Merges the states that accept the same strings, numbers them for the walk
/// ([`Dfa::DEAD`], [`Dfa::MATCHED`], then the others breadth first from the start), and merges
/// the byte classes that every state treats alike; `None` if more than `max_states` remain.
fn minimize(full: &Extracted, max_states: usize) -> Option<Dfa> {
    let width = full.class_count;
    let row = |state: usize| &full.table[state * width..][..width];
    let (block, block_count) = equivalent_states(full);
    if block_count > max_states {
        return None;
    }
    // Number the blocks: the dead and matched ones first, then breadth first from the start.
    let mut representative = vec![usize::MAX; block_count];
    for state in (0..full.accept_at_end.len()).rev() {
        representative[block[state] as usize] = state;
    }
    let mut number: Vec<Option<u16>> = vec![None; block_count];
    let mut order: Vec<usize> = Vec::new();
    let mut queue = VecDeque::new();
    for state in [
        usize::from(Dfa::DEAD),
        usize::from(Dfa::MATCHED),
        full.start as usize,
    ] {
        queue.push_back(block[state] as usize);
    }
    while let Some(b) = queue.pop_front() {
        if number[b].is_some() {
            continue;
        }
        number[b] = Some(u16::try_from(order.len()).expect("at most MAX_STATES states"));
        order.push(b);
        queue.extend(
            row(representative[b])
                .iter()
                .map(|&target| block[target as usize] as usize),
        );
    }
    let number_of = |state: u32| number[block[state as usize] as usize].expect("reachable");

    // Bytes whose columns are equal in every state share a class.
    let mut column_class: HashMap<Vec<u16>, u8> = HashMap::new();
    let mut class_of_old = vec![0u8; width];
    let mut kept_columns = Vec::new();
    for (old, class) in class_of_old.iter_mut().enumerate() {
        let column: Vec<u16> = order
            .iter()
            .map(|&b| number_of(row(representative[b])[old]))
            .collect();
        let fresh = u8::try_from(column_class.len()).expect("at most 256 byte classes");
        *class = *column_class.entry(column).or_insert_with(|| {
            kept_columns.push(old);
            fresh
        });
    }
    let mut classes = [0u8; 256];
    for (class, &old) in classes.iter_mut().zip(&full.classes) {
        *class = class_of_old[usize::from(old)];
    }
    let table = order
        .iter()
        .flat_map(|&b| kept_columns.iter().map(move |&old| (b, old)))
        .map(|(b, old)| number_of(row(representative[b])[old]))
        .collect();
    let accept_at_end = order
        .iter()
        .map(|&b| full.accept_at_end[representative[b]])
        .collect();
    Some(Dfa {
        classes,
        class_count: kept_columns.len(),
        table,
        start: number_of(full.start),
        accept_at_end,
    })
}

/// Hopcroft's partition refinement: the block of each state, such that two states share a
/// block exactly when they accept the same strings, and the number of blocks.
///
/// The blocks are kept as ranges of one permutation of the states; a block that some
/// predecessors of the splitter reach and others not is cut in two, and the smaller half is
/// relabelled and queued as a splitter (both halves, if the block was queued already).
fn equivalent_states(full: &Extracted) -> (Vec<u32>, usize) {
    let (states, width) = (full.accept_at_end.len(), full.class_count);
    let index = |state: usize| u32::try_from(state).expect("fewer states than u32");

    // The predecessors of each (state, class), as one array sliced by `first_source`.
    let mut first_source = vec![0u32; states * width + 1];
    for (source, &target) in full.table.iter().enumerate() {
        first_source[target as usize * width + source % width + 1] += 1;
    }
    for i in 1..first_source.len() {
        first_source[i] += first_source[i - 1];
    }
    let mut next_slot: Vec<u32> = first_source[..states * width].to_vec();
    let mut sources = vec![0u32; full.table.len()];
    for (source, &target) in full.table.iter().enumerate() {
        let slot = &mut next_slot[target as usize * width + source % width];
        sources[*slot as usize] = index(source / width);
        *slot += 1;
    }

    // The states ordered so that each block is a range `begin[b]..end[b]` of `order`.
    let mut order: Vec<u32> = (0..states).map(index).collect();
    order.sort_by_key(|&state| !full.accept_at_end[state as usize]);
    let accepting = full.accept_at_end.iter().filter(|&&accept| accept).count();
    let mut position: Vec<u32> = vec![0; states];
    for (at, &state) in order.iter().enumerate() {
        position[state as usize] = index(at);
    }
    let mut block: Vec<u32> = full
        .accept_at_end
        .iter()
        .map(|&accept| u32::from(!accept))
        .collect();
    let mut begin = vec![0, index(accepting)];
    let mut end = vec![index(accepting), index(states)];
    let mut marked = vec![0u32; 2];
    let mut queue = vec![0u32, 1];

    let mut splitter = Vec::new();
    let mut touched = Vec::new();
    while let Some(b) = queue.pop() {
        splitter.clear();
        splitter.extend_from_slice(&order[begin[b as usize] as usize..end[b as usize] as usize]);
        for class in 0..width {
            // Move the predecessors to the front of their blocks.
            for &target in &splitter {
                let key = target as usize * width + class;
                for &source in &sources[first_source[key] as usize..first_source[key + 1] as usize]
                {
                    let home = block[source as usize] as usize;
                    if marked[home] == 0 {
                        touched.push(home);
                    }
                    let front = begin[home] + marked[home];
                    let other = order[front as usize];
                    let at = position[source as usize];
                    order.swap(front as usize, at as usize);
                    position[other as usize] = at;
                    position[source as usize] = front;
                    marked[home] += 1;
                }
            }
            // Cut the blocks some of whose states were moved.
            for home in touched.drain(..) {
                let cut = begin[home] + std::mem::take(&mut marked[home]);
                if cut == end[home] {
                    continue;
                }
                let new = index(begin.len());
                let (new_begin, new_end) = if cut - begin[home] <= end[home] - cut {
                    let range = (begin[home], cut);
                    begin[home] = cut;
                    range
                } else {
                    let range = (cut, end[home]);
                    end[home] = cut;
                    range
                };
                for &state in &order[new_begin as usize..new_end as usize] {
                    block[state as usize] = new;
                }
                begin.push(new_begin);
                end.push(new_end);
                marked.push(0);
                queue.push(new);
                // The new block is the smaller half: queueing it is enough, since the whole
                // was a splitter before (or still waits to be one).
            }
        }
    }
    let count = begin.len();
    (block, count)
}

#[cfg(test)]
mod tests {
    use regex_automata::Input;
    use regex_automata::dfa::{Automaton, dense};
    use regex_automata::nfa::thompson;

    use crate::syntax;

    /// Every string of up to `len` characters from `alphabet`.
    fn strings(alphabet: &[char], len: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..len {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |&c| format!("{s}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    /// The tables, minimized and renumbered, answer as `regex-automata`'s own search over the
    /// same expression does, on every short string of a few characters.
    #[test]
    fn tables_agree_with_a_regex_automata_search() {
        let patterns = [
            "a",
            "ab|ba",
            "^a",
            "a$",
            "^$",
            "",
            "a*",
            "(a|b)*abb",
            "^(ab)*$",
            "\\ba",
            "a\\b",
            "é+",
            "[^a]",
            ".",
            "^.$",
            "^[^ab]*$",
            "(?:a|😀){2,3}$",
            "\\s",
            "^\\S+$",
            "\\w-\\w",
            "a{2}|b{3}",
            "^(a|é)*b",
            "[]",
            "[^]",
            "^\\b",
            "\\b$",
        ];
        let inputs = strings(&['a', 'b', 'é', '😀', ' ', '-', '\n'], 4);
        for pattern in patterns {
            let hir = syntax::parse(pattern).expect("a valid pattern");
            let nfa = thompson::Compiler::new()
                .build_from_hir(&hir)
                .expect("an NFA");
            let reference = dense::Builder::new().build_from_nfa(&nfa).expect("a DFA");
            let ours = super::build(&hir, 10_000).expect("a Dfa");
            for input in &inputs {
                let expected = reference
                    .try_search_fwd(&Input::new(input).earliest(true))
                    .expect("no quit bytes")
                    .is_some();
                assert_eq!(ours.is_match(input), expected, "{pattern:?} on {input:?}");
            }
        }
    }
}
