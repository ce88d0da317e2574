package dev.dlforge.projects;

/**
 * A roadmap entry as the catalogue shows it.
 *
 * @param id command-line name, e.g. {@code fashion}
 * @param level B beginner, I intermediate, P pro
 * @param section Vision, Multimodal or Language
 * @param title what it builds
 * @param teaches the concepts it teaches
 * @param offlineSource where its data comes from without internet
 * @param worksWhen the bar it must clear, usually a published figure
 */
public record ProjectInfo(String id, String level, String section, String title, String teaches,
        String offlineSource, String worksWhen) {}
