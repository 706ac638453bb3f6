package org.yaqaza.intelligence.screening.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of a batch, in input order ({@code index} from 0): the candidates of a screened name, or the
 * {@code error} that kept it from being screened.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(int index, String name, Double threshold, List<Candidate> candidates,
        BatchItemError error) {
}
