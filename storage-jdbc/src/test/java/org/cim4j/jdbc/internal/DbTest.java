package org.cim4j.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.cim4j.jdbc.Dialect;
import org.junit.jupiter.api.Test;

class DbTest {
    @Test
    void tableTokens_getTheSchemaPrefix() {
        Db db = new Db(Dialect.H2, "crm");
        assertThat(db.sql("SELECT * FROM #customer c JOIN #customer_tag t ON t.id = c.id WHERE x = ?"))
                .isEqualTo("SELECT * FROM crm.customer c JOIN crm.customer_tag t ON t.id = c.id WHERE x = ?");
        assertThat(db.sql("#customer")).isEqualTo("crm.customer");
        assertThat(db.sql("SELECT 1")).isEqualTo("SELECT 1");
    }

    @Test
    void withoutSchema_tokensBecomeBareNames() {
        Db db = new Db(Dialect.POSTGRESQL, null);
        assertThat(db.sql("DELETE FROM #customer_contact WHERE a IN (?, ?)"))
                .isEqualTo("DELETE FROM customer_contact WHERE a IN (?, ?)");
    }

    @Test
    void hashWithoutTableName_staysAsIs() {
        Db db = new Db(Dialect.H2, "s");
        assertThat(db.sql("a # b #C #")).isEqualTo("a # b #C #");
        assertThat(db.sql("x#tag1")).isEqualTo("xs.tag1");
    }
}
