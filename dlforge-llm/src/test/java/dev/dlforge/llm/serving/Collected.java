package dev.dlforge.llm.serving;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A listener that keeps what it hears: the released text, the tokens, and the end. */
final class Collected implements GenerationListener {
    final StringBuffer text = new StringBuffer();
    final List<Token> tokens = new CopyOnWriteArrayList<>();
    final CompletableFuture<Finish> finish = new CompletableFuture<>();
    final CompletableFuture<Void> firstToken = new CompletableFuture<>();

    @Override
    public void token(Token token) {
        if (finish.isDone()) {
            throw new AssertionError("a token after the end");
        }
        tokens.add(token);
        text.append(token.text());
        firstToken.complete(null);
    }

    @Override
    public void finished(Finish f) {
        if (f.error() != null) {
            firstToken.completeExceptionally(new AssertionError(f.error()));
        }
        if (!finish.complete(f)) {
            throw new AssertionError("finished twice");
        }
    }

    Finish await() throws Exception {
        return finish.get(20, TimeUnit.SECONDS);
    }
}
