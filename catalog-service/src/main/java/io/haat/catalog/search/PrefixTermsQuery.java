package io.haat.catalog.search;

import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words beginning with a prefix, as {@link PrefixQuery} matches them (and with its rewrite), found by seeking to
 * the prefix and reading on while the words begin with it: {@code PrefixQuery} compiles an automaton for every query
 * (4% of a typo query's time in JFR), for what is one seek in a sorted terms dictionary.
 */
final class PrefixTermsQuery extends MultiTermQuery {

    private final BytesRef prefix;

    PrefixTermsQuery(Term prefix) {
        super(prefix.field(), CONSTANT_SCORE_BLENDED_REWRITE);
        this.prefix = prefix.bytes();
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws java.io.IOException {
        TermsEnum all = terms.iterator();
        if (prefix.length == 0) {
            return all;
        }
        return new FilteredTermsEnum(all) {
            {
                setInitialSeekTerm(prefix);
            }

            @Override
            protected AcceptStatus accept(BytesRef term) {
                return StringHelper.startsWith(term, prefix) ? AcceptStatus.YES : AcceptStatus.END;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + prefix.utf8ToString() + "*";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((PrefixTermsQuery) other).field)
                && prefix.equals(((PrefixTermsQuery) other).prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, prefix);
    }
}
