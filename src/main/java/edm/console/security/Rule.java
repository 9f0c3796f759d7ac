package edm.console.security;

import java.util.List;

/** One SPEC-006 security rule: reads what it can, says UNKNOWN with the reason for what it cannot. */
public interface Rule {
    /** The rule's prefix of every finding id it makes (ssh, secrets, ports, ...). */
    String id();

    /** The findings, at least one; what the rule cannot read is an UNKNOWN finding, not an exception. */
    List<Finding> check(SecurityContext ctx);
}
