package io.haat.catalog.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * A {@code FuzzyQuery} whose words were found beforehand ({@link TypoTerms#within}): each segment enumerates those of
 * the words it has, with the boosts {@code FuzzyTermsEnum} gives them, and the query is rewritten as
 * {@code FuzzyQuery} is ({@link FuzzyQuery#defaultRewriteMethod}: the best {@code maxExpansions} words, document
 * frequencies blended), so it scores the same without building automata.
 */
final class TypoQuery extends MultiTermQuery {

    private final String word;
    private final BytesRef[] terms;
    private final float[] boosts;

    /** {@code matches} in term order, as {@link TypoTerms#within} returns them. */
    TypoQuery(String field, String word, List<TypoTerms.Match> matches, int maxExpansions) {
        super(field, FuzzyQuery.defaultRewriteMethod(maxExpansions));
        this.word = word;
        this.terms = new BytesRef[matches.size()];
        this.boosts = new float[matches.size()];
        for (int i = 0; i < matches.size(); i++) {
            terms[i] = matches.get(i).term();
            boosts[i] = matches.get(i).similarity();
        }
    }

    @Override
    protected TermsEnum getTermsEnum(Terms segmentTerms, AttributeSource atts) throws IOException {
        if (terms.length == 0) {
            return TermsEnum.EMPTY;
        }
        return new FilteredTermsEnum(segmentTerms.iterator()) {
            private final BoostAttribute boost = attributes().addAttribute(BoostAttribute.class);
            private int next;

            @Override
            protected BytesRef nextSeekTerm(BytesRef current) {
                return next < terms.length ? terms[next] : null;
            }

            @Override
            protected AcceptStatus accept(BytesRef term) {
                while (next < terms.length && terms[next].compareTo(term) < 0) {
                    next++;
                }
                if (next == terms.length) {
                    return AcceptStatus.END;
                }
                if (terms[next].bytesEquals(term)) {
                    boost.setBoost(boosts[next]);
                    next++;
                    return next < terms.length ? AcceptStatus.YES_AND_SEEK : AcceptStatus.YES;
                }
                return AcceptStatus.NO_AND_SEEK;
            }
        };
    }

    @Override
    public long getTermsCount() {
        return terms.length;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + word + "~(" + terms.length + " words)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((TypoQuery) other).field)
                && Arrays.equals(terms, ((TypoQuery) other).terms) && Arrays.equals(boosts, ((TypoQuery) other).boosts)
                && rewriteMethod.equals(((TypoQuery) other).rewriteMethod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, Arrays.hashCode(terms), Arrays.hashCode(boosts), rewriteMethod);
    }
}
