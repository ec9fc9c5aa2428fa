/**
 * How LP-ROS and LP-RUS spread their rows over the labelsets (Charte et al., Neurocomputing 2015:
 * the mean share is P-rows / number of minority (majority) labelsets; a labelset takes at most
 * what it has room for, and what it cannot take is redistributed among the labelsets not yet served).
 */

/**
 * Each bag's share of `total` rows, given each bag's room (the most it may take). Bags are served
 * from the least room to the most (ties: lower index first), each taking
 * min(room, floor(rows still to place / bags still to serve)), so the shares differ by at most one
 * where room allows and leftovers flow to the roomier bags. The shares add up to
 * min(total, sum of rooms).
 */
export function spreadEvenly(total: number, rooms: ArrayLike<number>): Int32Array {
  const order = Array.from({ length: rooms.length }, (_, i) => i).sort((a, b) => rooms[a] - rooms[b] || a - b);
  const shares = new Int32Array(rooms.length);
  let remaining = total;
  for (let k = 0; k < order.length; k++) {
    const bag = order[k];
    const share = Math.min(Math.max(0, rooms[bag]), Math.floor(remaining / (order.length - k)));
    shares[bag] = share;
    remaining -= share;
  }
  return shares;
}
