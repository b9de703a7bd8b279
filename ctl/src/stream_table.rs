//! Columns for output that arrives line by line (`watch nodes`, `events
//! --watch`): the widths are not known in advance, so each column grows to
//! the widest cell seen so far; long names never push later columns out of
//! line for the rest of the stream.

/// A table printed one row at a time.
pub struct StreamTable {
    widths: Vec<usize>,
}

impl StreamTable {
    /// Starts with the header's widths plus a little room.
    pub fn new(header: &[&str], min: &[usize]) -> Self {
        let widths = header.iter().enumerate().map(|(i, h)| h.len().max(min.get(i).copied().unwrap_or(0))).collect();
        Self { widths }
    }

    /// One line (without newline): every column but the last padded.
    pub fn line<S: AsRef<str>>(&mut self, cells: &[S]) -> String {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c = c.as_ref();
            if i + 1 == cells.len() {
                s.push_str(c);
                break;
            }
            let w = self.widths.get(i).copied().unwrap_or(0).max(c.chars().count());
            if let Some(x) = self.widths.get_mut(i) {
                *x = w;
            }
            s.push_str(&format!("{c:<w$}   "));
        }
        s.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::StreamTable;

    #[test]
    fn columns_grow_to_the_widest_cell_and_stay() {
        let mut t = StreamTable::new(&["A", "B", "C"], &[2]);
        assert_eq!(t.line(&["A", "B", "C"]), "A    B   C");
        assert_eq!(t.line(&["a-very-long-name", "x", "y"]), "a-very-long-name   x   y");
        assert_eq!(t.line(&["s", "x", "y"]), "s                  x   y");
    }
}
