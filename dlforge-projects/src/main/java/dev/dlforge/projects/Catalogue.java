package dev.dlforge.projects;

import dev.dlforge.core.DlforgeException;
import dev.dlforge.core.text.ClosestName;
import dev.dlforge.projects.digits.DigitsProject;
import dev.dlforge.projects.fashion.FashionProject;
import dev.dlforge.projects.gpt.GptProject;
import dev.dlforge.projects.pos.PosProject;
import dev.dlforge.projects.rag.RagProject;
import dev.dlforge.projects.poetry.PoetryProject;
import dev.dlforge.projects.sentiment.SentimentProject;
import dev.dlforge.projects.spam.SpamProject;
import dev.dlforge.projects.topics.TopicsProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every roadmap project, built or planned, in roadmap order. */
public final class Catalogue {
    private final Map<String, Project> projects = new LinkedHashMap<>();

    private Catalogue(List<Project> all) {
        all.forEach(p -> projects.put(p.info().id(), p));
    }

    public static Catalogue standard() {
        List<Project> all = new ArrayList<>();
        all.add(new DigitsProject());
        all.add(new FashionProject());
        // A built project takes its roadmap entry's place, so the listing keeps roadmap order.
        Map<String, Project> built = Map.of(SpamProject.ID, new SpamProject(), SentimentProject.ID, new SentimentProject(),
                PosProject.ID, new PosProject(), TopicsProject.ID, new TopicsProject(),
                PoetryProject.ID, new PoetryProject(), GptProject.ID, new GptProject(), RagProject.ID, new RagProject());
        for (ProjectInfo info : PLANNED) {
            all.add(built.getOrDefault(info.id(), new PlannedProject(info)));
        }
        return new Catalogue(all);
    }

    public List<Project> all() {
        return List.copyOf(projects.values());
    }

    /** The project {@code id}; an unknown id is an error naming the closest id and listing them all. */
    public Project get(String id) {
        Project p = projects.get(id);
        if (p == null) {
            throw unknown(id, "project", "");
        }
        return p;
    }

    /** Whether {@code id} names a project of the roadmap, built or planned. */
    public boolean has(String id) {
        return projects.containsKey(id);
    }

    /**
     * "no project 'digitz': did you mean 'digits'?", listing the projects in the hint.
     *
     * @param what what {@code id} was taken for, e.g. {@code project} or {@code run or project}
     * @param moreHint said after the list, e.g. where runs are listed; may be empty
     */
    public DlforgeException unknown(String id, String what, String moreHint) {
        return new DlforgeException("no " + what + " '" + id + "'" + ClosestName.didYouMean(id, projects.keySet()),
                "projects: " + String.join(", ", projects.keySet()) + " (`dlforge projects` describes them)" + moreHint);
    }

    /** The project {@code id}, which must be built. */
    public TrainableProject trainable(String id) {
        Project p = get(id);
        if (p instanceof TrainableProject t) {
            return t;
        }
        throw new DlforgeException("project '" + id + "' (" + p.info().title() + ") is on the roadmap but not built yet",
                "built projects: " + String.join(", ", projects.values().stream().filter(Project::built).map(x -> x.info().id()).toList()));
    }

    private static ProjectInfo vision(String id, String level, String title, String teaches, String source, String works) {
        return new ProjectInfo(id, level, "Vision", title, teaches, source, works);
    }

    private static ProjectInfo multimodal(String id, String level, String title, String teaches, String source, String works) {
        return new ProjectInfo(id, level, "Multimodal", title, teaches, source, works);
    }

    private static ProjectInfo language(String id, String level, String title, String teaches, String source, String works) {
        return new ProjectInfo(id, level, "Language", title, teaches, source, works);
    }

    /** Built projects that keep their roadmap place among the planned ones. */
    private static final List<ProjectInfo> PLANNED = List.of(
            vision("cifar", "B", "CIFAR-10 classifier + transfer learning", "residual nets, fine-tuning a pretrained backbone",
                    "CIFAR-10 binary loader (online); offline: synthetic colour scenes", "fine-tuning beats training from scratch on a small split"),
            vision("style", "B", "neural style transfer", "feature maps, Gram matrices, perceptual loss",
                    "starry_night.jpg; skimage/sklearn images", "stylised images produced; loss curves"),
            vision("edges", "B", "edge detection and contours", "gradients, Canny, contour extraction",
                    "skimage camera, coins", "Canny/contours match OpenCV's on the same input"),
            vision("denoise", "I", "denoising autoencoder and VAE", "encoder-decoder, reconstruction loss, ELBO",
                    "Fashion-MNIST", "PSNR gain; VAE test loss next to pytorch/examples' ~106 nats"),
            vision("gan", "P", "DCGAN", "generator/discriminator dynamics, instability",
                    "Fashion-MNIST, digits", "sample grids per epoch; FID-style score from our classifier"),
            vision("plates", "I", "licence-plate detection + OCR", "detect -> crop -> read pipeline",
                    "Haar plate cascades, Tesseract eng; synthetic plates", "exact-plate read rate on generated plates"),
            vision("faces", "I", "face detection + verification", "embeddings, contrastive and triplet loss",
                    "Haar/LBP cascades; face-api tfjs weights", "pretrained embedding reproduces face-api; verification ROC"),
            vision("detect", "I", "object detection and segmentation", "boxes, anchors, NMS, mAP, masks, IoU",
                    "synthetic shapes scenes", "mAP@0.5 and mIoU on held-out synthetic scenes"),
            vision("pose", "I", "keypoints, pose and stereo vision", "heatmaps, landmarks, calibration, disparity",
                    "dlib 68-landmark model; stereo chessboards", "landmarks on sample faces; stereo RMS reprojection error"),
            vision("signs", "I", "transfer-learning classifier", "pretrained backbones",
                    "GTSRB / image-folder loader; synthetic signs", "fine-tuned backbone beats scratch on small data"),
            multimodal("clip", "P", "CLIP-style image-text retrieval", "contrastive dual encoders, zero-shot",
                    "synthetic scenes + captions; MiniLM", "recall@1/5 both directions"),
            multimodal("caption", "P", "image captioning and VQA", "encoder-decoder, attention",
                    "synthetic scenes + templated captions", "BLEU and VQA accuracy; attention maps"),
            multimodal("speech", "P", "spoken-word recognition", "audio features, sequence models",
                    "espeak-ng synthetic speech", "word accuracy on held-out voices"),
            language("spam", "B", "spam classifier", "bag of words, TF-IDF, naive Bayes, logistic regression",
                    "SpamAssassin (npm)", "precision/recall/F1 on a held-out split"),
            language("houses", "B", "house-price regression", "regression, trees vs nets",
                    "Boston housing (npm/sklearn CSV)", "RMSE vs a linear baseline"),
            language("sentiment", "I", "sentiment classifier", "tokenisation, word embeddings, LSTM",
                    "VADER/AFINN lexicons; IMDB/SST loaders", "lexicon baseline + learned model on a labelled set"),
            language("pos", "I", "part-of-speech tagger (and NER)", "sequence labelling, BiLSTM, CRF",
                    "Brown corpus (npm); CoNLL loader", "token accuracy on held-out Brown"),
            language("topics", "I", "genre classification with a pretrained transformer", "fine-tuning BERT-family models",
                    "Brown genres; MiniLM weights", "fine-tuned transformer beats bag-of-words"),
            language("qa", "I", "extractive question answering", "span prediction over a context",
                    "SQuAD loader; WordNet-generated QA", "exact match / F1"),
            language("poetry", "I", "char/word-level LSTM text generator", "sequence models, sampling",
                    "fortunes songs-poems, Moby-Dick", "perplexity falls; samples shown"),
            language("gpt", "P", "GPT from scratch + BPE tokenizer", "attention, positional encoding, masking",
                    "Moby-Dick, Brown, fortunes", "val loss vs nanoGPT's 1.88 (char baby config)"),
            language("chat", "P", "chatbot", "fine-tuning, chat templates", "generated conversations", "multi-turn chat in CLI and studio"),
            language("lora", "P", "instruction tuning with LoRA / QLoRA", "parameter-efficient fine-tuning",
                    "instruction pairs from WordNet/corpora", "LoRA within a stated margin of full fine-tuning"),
            language("rag", "P", "retrieval-augmented generation", "embeddings, vector index, chunking, grounding",
                    "MiniLM/bge ONNX; WordNet, Moby-Dick", "recall@k; answers cite sources"),
            language("agents", "P", "LLM apps: memory, tools", "orchestration, tool calling", "local models", "tools called correctly against a real server"),
            language("quant", "P", "quantisation and compression", "accuracy vs size vs speed", "our trained models; GGUF", "size/speed/quality table"),
            language("serve", "P", "model serving with batching", "throughput vs latency", "any trained model", "throughput gain from batching under load"),
            language("scale", "P", "distributed work", "data-parallel training, distributed inference", "an existing engine", "runs in local mode in tests"),
            language("safety", "P", "safety and interpretability", "prompt injection, red teaming, saliency", "our models",
                    "attribution maps; injection tests"));
}
