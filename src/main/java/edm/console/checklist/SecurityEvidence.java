package edm.console.checklist;

import edm.console.security.SecurityReport;

/**
 * Where the security items (更新系统补丁, 安全规范) learn what SPEC-006's rules found: one run of the rules,
 * the same report as the Security panel and {@code edm-console security}. With none bound the items are
 * UNKNOWN ("not available"), never a pass.
 */
@FunctionalInterface
public interface SecurityEvidence {
    SecurityReport report() throws Exception;

    /** The stand-in used when no rules are bound. */
    SecurityEvidence NOT_AVAILABLE = () -> {
        throw new UnsupportedOperationException();
    };
}
