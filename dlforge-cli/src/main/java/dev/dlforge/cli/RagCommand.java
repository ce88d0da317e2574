package dev.dlforge.cli;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.DlforgeHome;
import dev.dlforge.core.run.RunStore;
import dev.dlforge.core.train.StopSignal;
import dev.dlforge.data.docs.FolderWalk;
import dev.dlforge.models.retrieval.ChunkFilter;
import dev.dlforge.models.retrieval.ChunkIndexReader;
import dev.dlforge.models.retrieval.ChunkIndexWriter;
import dev.dlforge.models.retrieval.MiniLmEmbedder;
import dev.dlforge.models.text.MiniLmEncoder;
import dev.dlforge.projects.Catalogue;
import dev.dlforge.projects.TrainOptions;
import dev.dlforge.projects.kit.Recipes;
import dev.dlforge.projects.rag.ChatGenerator;
import dev.dlforge.projects.rag.ExtractiveAnswerer;
import dev.dlforge.projects.rag.GroundedGenerator;
import dev.dlforge.projects.rag.IndexSummary;
import dev.dlforge.projects.rag.LocalGptGenerator;
import dev.dlforge.projects.rag.OpenAiChatClient;
import dev.dlforge.projects.rag.RagIndexer;
import dev.dlforge.projects.rag.RagProject;
import dev.dlforge.projects.rag.RagRecipe;
import dev.dlforge.projects.rag.RagSamples;
import dev.dlforge.projects.rag.RetrievalMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "rag", mixinStandardHelpOptions = true,
        description = "Question answering over your documents: index files into a local Lucene index, ask with citations, evaluate retrieval.",
        subcommands = {RagCommand.Index.class, RagCommand.Ask.class, RagCommand.Eval.class})
public final class RagCommand extends CommandGroup implements DlforgeSubcommand {
    @Override
    public int helpOrder() {
        return 400;
    }

    @Command(name = "index", mixinStandardHelpOptions = true,
            description = {"Index .txt, .md, .html and .pdf files (folders are walked) into $DLFORGE_HOME/rag/NAME.",
                    "Unchanged files are skipped, changed ones replaced, deleted ones removed.",
                    "Symbolic links inside the folders are skipped (and reported) unless --follow-links.",
                    "--sample moby-dick indexes the novel, one file per chapter, into the index moby-dick."})
    static final class Index implements Runnable {
        @ParentCommand
        RagCommand parent;

        @Parameters(paramLabel = "DIR_OR_FILE", arity = "0..*", description = "files and folders to index")
        List<Path> inputs = List.of();

        @Option(names = "--index", paramLabel = "NAME", description = "index name (default: the sample's name, else default)")
        String name;

        @Option(names = "--sample", paramLabel = "NAME", description = "a sample corpus: ${COMPLETION-CANDIDATES};"
                + " default: none (index the files given)", completionCandidates = Samples.class)
        String sample;

        @Option(names = "--data", paramLabel = "DIR", description = "with --sample: folder holding the dataset's files; default: the dataset cache")
        Path data;

        @Option(names = "--follow-links", description = {"follow symbolic links inside the folders, wherever they lead (cycles are reported);",
                "by default they are skipped so that nothing outside the named folders is indexed"})
        boolean followLinks;

        @Override
        public void run() {
            if (data != null && sample == null) {
                throw new DlforgeException("--data goes with --sample", "e.g. --sample moby-dick --data DIR");
            }
            if (inputs.isEmpty() == (sample == null)) {
                throw new DlforgeException(sample == null ? "nothing to index" : "give files or --sample, not both",
                        "e.g. `dlforge rag index ~/notes` or `dlforge rag index --sample moby-dick`");
            }
            List<Path> files = sample == null ? inputs : List.of(RagSamples.write(sample, data));
            String indexName = name != null ? name : sample != null ? sample : "default";
            Path dir = RagIndexer.home(indexName);
            try (MiniLmEncoder encoder = MiniLmEncoder.open(); ChunkIndexWriter index = ChunkIndexWriter.open(dir, new MiniLmEmbedder(encoder))) {
                IndexSummary summary = RagIndexer.miniLm(encoder).index(files, index, followLinks ? FolderWalk.Links.FOLLOW : FolderWalk.Links.SKIP);
                summary.print(parent.root.out);
                if (summary.linksSkipped() > 0) {
                    parent.root.out.println(summary.linksSkipped() + " symbolic link(s) skipped: they could lead outside the folders named; "
                            + "pass --follow-links to index what they point to");
                }
            }
            parent.root.out.println("index: " + dir);
            if (!indexName.equals("default")) {
                parent.root.out.println("ask it: dlforge rag ask \"...\" --index " + indexName);
            }
        }
    }

    /** The sample names, for --help. */
    static final class Samples extends ArrayList<String> {
        Samples() {
            super(RagSamples.NAMES);
        }
    }

    @Command(name = "ask", mixinStandardHelpOptions = true,
            description = {"Answer a question from an index: by default the best sentences of the documents, each cited;",
                    "with --llm-url or --gpt, a generated answer citing numbered sources. Says so when the documents do not answer."})
    static final class Ask implements Runnable {
        @ParentCommand
        RagCommand parent;

        @Parameters(paramLabel = "QUESTION", description = "the question, in quotes")
        String question;

        @Option(names = "--index", paramLabel = "NAME", defaultValue = "default", description = "index name (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--k", paramLabel = "N", defaultValue = "5", description = "passages retrieved (default: ${DEFAULT-VALUE})")
        int k;

        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "bm25, vector or hybrid (default: ${DEFAULT-VALUE})")
        String mode;

        @Option(names = "--source", paramLabel = "PREFIX", description = "only files whose absolute path starts with PREFIX; default: every file")
        String source;

        @Option(names = "--llm-url", paramLabel = "URL", description = "an OpenAI-compatible API base, e.g. http://localhost:8080/v1;"
                + " default: none (extractive answers)")
        String llmUrl;

        @Option(names = "--llm-key", paramLabel = "KEY", description = "its API key (default: $OPENAI_API_KEY when set)")
        String llmKey;

        @Option(names = "--llm-model", paramLabel = "MODEL", description = "the model name the endpoint serves; default: none (required with --llm-url)")
        String llmModel;

        @Option(names = "--gpt", paramLabel = "RUN", description = "a local gpt run (folder, id, or `gpt` for the newest) writes the answer;"
                + " default: none (extractive answers)")
        String gpt;

        @Override
        public void run() {
            if (llmUrl != null && gpt != null) {
                throw new DlforgeException("--llm-url and --gpt both choose the generator", "pass one of them");
            }
            if (llmUrl == null && (llmKey != null || llmModel != null)) {
                throw new DlforgeException("--llm-key and --llm-model need --llm-url", "add --llm-url http://host:port/v1");
            }
            ExtractiveAnswerer.Config config;
            try {
                config = ExtractiveAnswerer.Config.defaults().withK(k).withMode(RetrievalMode.parse(mode))
                        .withFilter(source == null ? ChunkFilter.none() : ChunkFilter.sourcePrefix(Path.of(source).toAbsolutePath().normalize().toString()));
            } catch (IllegalArgumentException e) {
                throw new DlforgeException(e.getMessage(), "--k must be 1..100");
            }
            var out = parent.root.out;
            try (MiniLmEncoder encoder = MiniLmEncoder.open();
                    ChunkIndexReader index = ChunkIndexReader.open(RagIndexer.home(name), new MiniLmEmbedder(encoder))) {
                ExtractiveAnswerer answerer = new ExtractiveAnswerer(index, config);
                if (llmUrl == null && gpt == null) {
                    out.print(answerer.answer(question).render());
                    return;
                }
                try (ChatGenerator generator = generator()) {
                    out.print(new GroundedGenerator(answerer, generator).answer(question).render());
                }
            }
        }

        private ChatGenerator generator() {
            if (gpt != null) {
                return new LocalGptGenerator(new RunStore(DlforgeHome.current()).resolve(gpt));
            }
            String key = llmKey != null ? llmKey : System.getenv("OPENAI_API_KEY");
            return new OpenAiChatClient(llmUrl, key, llmModel, OpenAiChatClient.DEFAULT_TIMEOUT);
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Retrieval on WordNet: index the glosses, ask 1,000 generated questions with BM25, vector and hybrid retrieval",
                    "(and the paper's RRF for reference); report recall@1/5/10 and MRR with a plot (same as `dlforge train rag`)."})
    static final class Eval implements Runnable {
        @ParentCommand
        RagCommand parent;

        @Option(names = "--limit", paramLabel = "N", description = "index N glosses and ask N / 20 questions about them (quick runs);"
                + " default: all (20,000 glosses, 1,000 questions)")
        Integer limit;

        @Option(names = "--data", paramLabel = "DIR", description = "folder holding WordNet's data.* files; default: the dataset cache")
        Path data;

        @Option(names = "--seed", paramLabel = "N", description = "question set seed (default: 2006; 7 is the development set)")
        Long seed;

        @Option(names = "--synonym-rate", paramLabel = "P", description = "chance a content word is swapped for a synonym, 0..1 (default: 1)")
        Double synonymRate;

        @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: $DLFORGE_HOME/runs/rag/TIMESTAMP)")
        Path out;

        @Override
        public void run() {
            TrainOptions options = new TrainOptions(null, null, data, null, null, null, limit, seed, out, parent.root.out, new StopSignal(), null);
            if (limit != null && limit < 1) { // 0 would be the recipe's "no limit"
                throw new DlforgeException("--limit must be at least 1, got " + limit, "e.g. --limit 50 for a quick run");
            }
            RagProject rag = Catalogue.standard().capable(RagProject.ID, RagProject.class);
            RagRecipe recipe = rag.recipe(options);
            rag.train(options, synonymRate == null ? recipe : Recipes.with(recipe, "questionSet.synonymRate", synonymRate));
        }
    }
}
