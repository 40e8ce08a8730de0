package org.yiwang.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The changes of the exchange load: the city operations center (responsible for {@code person.grid}) moves residents
 * of the two streets to another grid of their street. Each street has one grid system per chosen grid, each a
 * connector subscribed to residents moving into its grid — so each change matches exactly one subscription — or, in
 * the fan-out variant, to every grid change in the street, so each change goes to all the street's systems.
 * Residents are taken in turn, so the same one comes back only after all the others of the street, and never while
 * a write of theirs is still under way (so every write changes the grid, and one subject's changes commit in order).
 */
final class GridMoves implements ChangeLoad.Planner {

    /** A street, its chosen grids and the connector of each (same order), and the residents living in it. */
    record Street(String code, List<String> grids, List<String> connectors, int[] residents) {}

    private final List<Street> streets;
    private final String[] citizenIds;
    /** Each resident's grid once the writes planned so far are done. */
    private final AtomicReferenceArray<String> grids;
    private final AtomicIntegerArray busy;
    private final boolean fanOut;
    private final int[] cursors;

    /**
     * @param citizenIds the residents of all streets
     * @param grids      each resident's grid as the base has it now
     * @param fanOut     false: change {@code n} moves someone into grid {@code n mod (streets × grids)}, whose system
     *                   alone receives it; true: streets alternate, and every system of the street receives it
     */
    GridMoves(List<Street> streets, String[] citizenIds, String[] grids, boolean fanOut) {
        this(streets, citizenIds, new AtomicReferenceArray<>(grids), new AtomicIntegerArray(grids.length), fanOut);
    }

    private GridMoves(List<Street> streets, String[] citizenIds, AtomicReferenceArray<String> grids,
                      AtomicIntegerArray busy, boolean fanOut) {
        this.streets = List.copyOf(streets);
        this.citizenIds = citizenIds;
        this.grids = grids;
        this.busy = busy;
        this.fanOut = fanOut;
        this.cursors = new int[streets.size()];
    }

    /** The same residents, where they are now (shared: moves by either planner are seen by both). */
    GridMoves withFanOut(boolean fanOut) {
        return new GridMoves(streets, citizenIds, grids, busy, fanOut);
    }

    @Override
    public ChangeLoad.Planned plan(long n) {
        int perStreet = streets.get(0).grids().size();
        int s;
        int g;
        if (fanOut) {
            s = (int) (n % streets.size());
            g = (int) ((n / streets.size()) % perStreet);
        } else {
            int slot = (int) (n % ((long) streets.size() * perStreet));
            s = slot / perStreet;
            g = slot % perStreet;
        }
        Street street = streets.get(s);
        String target = street.grids().get(g);
        int person = next(s, target);
        busy.set(person, 1);
        grids.set(person, target);
        List<String> to = fanOut ? street.connectors() : List.of(street.connectors().get(g));
        return new ChangeLoad.Planned(person, citizenIds[person], "person.grid", target, to);
    }

    /** The street's next resident not in the target grid (a move must change something) and not being written. */
    private int next(int s, String target) {
        int[] residents = streets.get(s).residents();
        for (int tries = 0; tries < residents.length; tries++) {
            int person = residents[cursors[s]++ % residents.length];
            if (busy.get(person) == 0 && !target.equals(grids.get(person))) return person;
        }
        throw new IllegalStateException("every resident of " + streets.get(s).code() + " is in grid " + target
                + " or being written");
    }

    @Override
    public void done(ChangeLoad.Planned planned, boolean committed) {
        busy.set(planned.person(), 0);
    }

    /** All connectors, street by street. */
    List<String> connectors() {
        List<String> all = new ArrayList<>();
        streets.forEach(s -> all.addAll(s.connectors()));
        return all;
    }

    List<Street> streets() {
        return streets;
    }
}
