package dev.dlforge.data.docs;

import java.util.List;

/** Documents to index and questions whose answer is one of them, for recall@k and MRR. */
public record RetrievalEvalSet(String name, List<EvalDocument> documents, List<EvalQuestion> questions) {
    public RetrievalEvalSet {
        documents = List.copyOf(documents);
        questions = List.copyOf(questions);
    }
}
