package io.amoc.engine;

/** Users are asked for with ids at or below one already given out in this run (ids are never reused). */
public final class UserIdsReusedException extends IllegalArgumentException {

    public UserIdsReusedException(String node, IdRange ids, long highestGivenOut) {
        super("ids " + ids.first() + ".." + ids.last() + " on " + node + " reuse ids given out already (up to "
                + highestGivenOut + "): ids are never reused in a run, add users with local.add(N)");
    }
}
