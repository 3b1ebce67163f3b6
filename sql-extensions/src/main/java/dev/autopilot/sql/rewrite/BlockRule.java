package dev.autopilot.sql.rewrite;

/** A rewrite of one query block, applied to every SELECT of a statement, innermost FROM items first. */
interface BlockRule {
    /** @return the name reported in {@link Rewrite#rules()} */
    String name();

    /** @return whether the rule has anything to do in {@code block} */
    boolean matches(QueryBlock block, RewriteContext cx);

    /**
     * Changes {@code block} in place.
     *
     * @return whether it changed anything
     */
    boolean apply(QueryBlock block, RewriteContext cx);
}
