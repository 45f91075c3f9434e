//! The caseload-wide assignment: which job seekers to propose for which
//! vacancies so the total fit is as large as possible, each vacancy taking at
//! most its headcount and each seeker at most one vacancy, or none.
//!
//! This is a maximum-weight b-matching, solved exactly as a min-cost flow by
//! successive shortest paths on the feasible pairs only, so memory and time
//! follow the number of pairs, not seekers × headcount. Flow: every seeker
//! sends one unit to a sink either through a vacancy (cost `-weight`, the
//! vacancy passing at most `headcount` units on) or through a private
//! "unassigned" edge of cost 0. Seekers enter one at a time; each one's
//! cheapest path keeps the flow of the seekers entered so far at minimum
//! cost (the Hungarian method's invariant), so after the last one the whole
//! flow is optimal. A path may move already placed seekers to other
//! vacancies, or drop one to make room for a better fit, which is exactly
//! what greedy choices cannot do.
//!
//! This is the same problem as the dense one with every vacancy expanded into
//! `headcount` identical slots and infeasible pairs weighted 0 (the tests
//! check the two agree), without building the seekers × slots matrix.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::AssignError;

/// A seeker who may be proposed for a vacancy, and how good the fit is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FeasiblePair {
    /// Index of the seeker, below `n_seekers`.
    pub seeker: usize,
    /// Index of the vacancy into the headcounts.
    pub vacancy: usize,
    /// How good the fit is: finite and above 0. Larger is better.
    pub weight: f64,
}

/// Proposes the assignment of seekers to vacancies with the largest total
/// weight: each vacancy `v` takes at most `headcounts[v]` seekers, each seeker
/// at most one vacancy, and only through one of `pairs`. Returns the chosen
/// `(seeker, vacancy)` pairs ordered by seeker; unlisted seekers stay
/// unassigned.
///
/// Weights are `f64`; integer weights give exactly the optimal total, others
/// the optimum within rounding. When several assignments tie, which one is
/// returned is deterministic but unspecified.
///
/// Memory is linear in `n_seekers + headcounts.len() + pairs.len()`. Time is
/// one shortest path search per seeker with a pair, each over at most the
/// pairs, and in practice over a small neighbourhood of the seeker.
pub fn assign(
    n_seekers: usize,
    headcounts: &[u32],
    pairs: &[FeasiblePair],
) -> Result<Vec<(usize, usize)>, AssignError> {
    let graph = Graph::new(n_seekers, headcounts, pairs)?;
    let mut flow = Flow::new(&graph);
    for seeker in 0..n_seekers {
        if !graph.edges(seeker).is_empty() {
            flow.enter(seeker);
        }
    }
    Ok(flow
        .placed
        .iter()
        .enumerate()
        .filter_map(|(seeker, place)| place.map(|place| (seeker, place.vacancy)))
        .collect())
}

/// One seeker's edge to a vacancy.
#[derive(Debug, Clone, Copy)]
struct Edge {
    vacancy: usize,
    weight: f64,
}

/// The feasible pairs grouped by seeker (compressed rows), without the pairs
/// into vacancies of headcount 0, which can never be used.
struct Graph<'a> {
    headcounts: &'a [u32],
    /// Seeker `s`'s edges are `edges[starts[s]..starts[s + 1]]`.
    starts: Vec<usize>,
    edges: Vec<Edge>,
}

impl<'a> Graph<'a> {
    fn new(
        n_seekers: usize,
        headcounts: &'a [u32],
        pairs: &[FeasiblePair],
    ) -> Result<Self, AssignError> {
        let mut counts = vec![0usize; n_seekers + 1];
        for (index, pair) in pairs.iter().enumerate() {
            let FeasiblePair {
                seeker,
                vacancy,
                weight,
            } = *pair;
            if seeker >= n_seekers {
                return Err(AssignError::SeekerOutOfRange {
                    index,
                    seeker,
                    n_seekers,
                });
            }
            if vacancy >= headcounts.len() {
                let n_vacancies = headcounts.len();
                return Err(AssignError::VacancyOutOfRange {
                    index,
                    vacancy,
                    n_vacancies,
                });
            }
            if !(weight.is_finite() && weight > 0.0) {
                return Err(AssignError::InvalidWeight { index, weight });
            }
            if headcounts[vacancy] > 0 {
                counts[seeker + 1] += 1;
            }
        }
        for s in 0..n_seekers {
            counts[s + 1] += counts[s];
        }
        let starts = counts;
        let mut next = starts.clone();
        let mut edges = vec![
            Edge {
                vacancy: 0,
                weight: 0.0
            };
            starts[n_seekers]
        ];
        for pair in pairs.iter().filter(|pair| headcounts[pair.vacancy] > 0) {
            edges[next[pair.seeker]] = Edge {
                vacancy: pair.vacancy,
                weight: pair.weight,
            };
            next[pair.seeker] += 1;
        }
        for s in 0..n_seekers {
            let own = &mut edges[starts[s]..starts[s + 1]];
            own.sort_unstable_by_key(|edge| edge.vacancy);
            if let Some(twin) = own.windows(2).find(|w| w[0].vacancy == w[1].vacancy) {
                return Err(AssignError::DuplicatePair {
                    seeker: s,
                    vacancy: twin[0].vacancy,
                });
            }
        }
        Ok(Self {
            headcounts,
            starts,
            edges,
        })
    }

    fn edges(&self, seeker: usize) -> &[Edge] {
        &self.edges[self.starts[seeker]..self.starts[seeker + 1]]
    }

    fn n_seekers(&self) -> usize {
        self.starts.len() - 1
    }
}

/// Where a seeker is placed, and the weight of that pair (the cost of moving
/// the seeker back out of the vacancy).
#[derive(Debug, Clone, Copy)]
struct Place {
    vacancy: usize,
    weight: f64,
}

/// A node of the flow network: seekers are `0..n_seekers`, vacancies follow,
/// and the sink is last.
type Node = usize;

/// The current flow and the node potentials that make every residual edge's
/// reduced cost `cost + potential[from] - potential[to]` non-negative, so
/// shortest paths can use Dijkstra.
struct Flow<'g> {
    graph: &'g Graph<'g>,
    placed: Vec<Option<Place>>,
    /// The seekers placed in each vacancy.
    members: Vec<Vec<usize>>,
    potential: Vec<f64>,
    search: Search,
}

/// Buffers of one shortest path search, reused by all of them. A node's
/// `dist` and `pred` are meaningful only when its `seen` stamp is the current
/// search's, so nothing is cleared between searches.
struct Search {
    stamp: u32,
    seen: Vec<u32>,
    settled: Vec<bool>,
    dist: Vec<f64>,
    pred: Vec<Node>,
    heap: BinaryHeap<Candidate>,
    settled_nodes: Vec<Node>,
    path: Vec<Node>,
}

impl<'g> Flow<'g> {
    fn new(graph: &'g Graph<'g>) -> Self {
        let n_nodes = graph.n_seekers() + graph.headcounts.len() + 1;
        Flow {
            graph,
            placed: vec![None; graph.n_seekers()],
            members: vec![Vec::new(); graph.headcounts.len()],
            potential: vec![0.0; n_nodes],
            search: Search {
                stamp: 0,
                seen: vec![0; n_nodes],
                settled: vec![false; n_nodes],
                dist: vec![0.0; n_nodes],
                pred: vec![0; n_nodes],
                heap: BinaryHeap::new(),
                settled_nodes: Vec::new(),
                path: Vec::new(),
            },
        }
    }

    fn vacancy_node(&self, vacancy: usize) -> Node {
        self.graph.n_seekers() + vacancy
    }

    fn sink(&self) -> Node {
        self.potential.len() - 1
    }

    /// Routes a new seeker's unit along the cheapest path to the sink.
    fn enter(&mut self, seeker: usize) {
        // The seeker has no incoming residual edge yet, so its potential is
        // free: pick the smallest that keeps its outgoing edges (to each
        // vacancy at cost `-weight`, and to the sink at cost 0) non-negative.
        let sink = self.sink();
        let mut potential = self.potential[sink];
        for edge in self.graph.edges(seeker) {
            potential =
                potential.max(self.potential[self.vacancy_node(edge.vacancy)] + edge.weight);
        }
        self.potential[seeker] = potential;

        self.shortest_path(seeker);
        self.apply_path();
    }

    /// Dijkstra from `start` over reduced costs, stopping when the sink is
    /// settled; then shifts the potentials of the settled nodes so the edges
    /// of the path are tight and every reduced cost stays non-negative.
    fn shortest_path(&mut self, start: Node) {
        let sink = self.sink();
        let n_seekers = self.graph.n_seekers();
        let search = &mut self.search;
        search.stamp = search.stamp.wrapping_add(1);
        if search.stamp == 0 {
            // After 2^32 searches the stamps wrap; start them afresh.
            search.seen.fill(0);
            search.stamp = 1;
        }
        search.heap.clear();
        search.settled_nodes.clear();
        search.seen[start] = search.stamp;
        search.dist[start] = 0.0;
        search.pred[start] = start;
        search.heap.push(Candidate {
            dist: 0.0,
            node: start,
        });
        while let Some(Candidate { dist, node }) = search.heap.pop() {
            if search.settled[node] || dist > search.dist[node] {
                continue; // a stale heap entry
            }
            search.settled[node] = true;
            search.settled_nodes.push(node);
            if node == sink {
                break;
            }
            if node < n_seekers {
                let seeker = node;
                let own = self.placed[seeker].map(|place| place.vacancy);
                for edge in self.graph.edges(seeker) {
                    if Some(edge.vacancy) != own {
                        let to = n_seekers + edge.vacancy;
                        relax(search, &self.potential, node, to, dist, -edge.weight);
                    }
                }
                // Leaving the seeker unassigned.
                relax(search, &self.potential, node, sink, dist, 0.0);
            } else {
                let vacancy = node - n_seekers;
                let members = &self.members[vacancy];
                if members.len() < self.graph.headcounts[vacancy] as usize {
                    relax(search, &self.potential, node, sink, dist, 0.0);
                }
                for &member in members {
                    let weight = self.placed[member].map_or(0.0, |place| place.weight);
                    relax(search, &self.potential, node, member, dist, weight);
                }
            }
        }
        let reached = search.dist[sink];
        for &node in &search.settled_nodes {
            self.potential[node] += search.dist[node] - reached;
            search.settled[node] = false;
        }
    }

    /// Flips the flow along the path found by the last search: a seeker
    /// followed by a vacancy joins it, a vacancy followed by a seeker lets
    /// that seeker go, and a seeker followed by the sink stays unassigned.
    fn apply_path(&mut self) {
        let sink = self.sink();
        let n_seekers = self.graph.n_seekers();
        let search = &mut self.search;
        search.path.clear();
        let mut node = sink;
        while search.pred[node] != node {
            node = search.pred[node];
            search.path.push(node);
        }
        search.path.reverse();
        search.path.push(sink);
        for step in search.path.windows(2) {
            let (from, to) = (step[0], step[1]);
            if to == sink {
                break;
            }
            if from < n_seekers {
                let vacancy = to - n_seekers;
                let edges = self.graph.edges(from);
                let weight = edges
                    .binary_search_by_key(&vacancy, |edge| edge.vacancy)
                    .map_or(0.0, |at| edges[at].weight);
                self.placed[from] = Some(Place { vacancy, weight });
                self.members[vacancy].push(from);
            } else {
                let members = &mut self.members[from - n_seekers];
                if let Some(at) = members.iter().position(|&member| member == to) {
                    members.swap_remove(at);
                }
                self.placed[to] = None;
            }
        }
    }
}

/// Offers `to` the distance `from_dist + cost` reduced by the potentials.
fn relax(search: &mut Search, potential: &[f64], from: Node, to: Node, from_dist: f64, cost: f64) {
    if search.settled[to] {
        return;
    }
    // Rounding can leave a reduced cost a hair below zero; Dijkstra needs it
    // non-negative, and the hair is below any difference that matters.
    let reduced = (cost + potential[from] - potential[to]).max(0.0);
    let dist = from_dist + reduced;
    if search.seen[to] != search.stamp || dist < search.dist[to] {
        search.seen[to] = search.stamp;
        search.dist[to] = dist;
        search.pred[to] = from;
        search.heap.push(Candidate { dist, node: to });
    }
}

/// A heap entry: the node with the smallest distance comes out first.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    dist: f64,
    node: Node,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        // The smaller distance is the greater, as `BinaryHeap` is a max-heap.
        // Among equal distances the larger node comes first: the sink, which
        // ends the search as soon as a shortest path is known, then the
        // vacancies, which reach it in one step when they have room. With
        // integer weights ties are everywhere, and this order makes the
        // searches about three times faster than the other way round.
        other
            .dist
            .total_cmp(&self.dist)
            .then_with(|| self.node.cmp(&other.node))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
