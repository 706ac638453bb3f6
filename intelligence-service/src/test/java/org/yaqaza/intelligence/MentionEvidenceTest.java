package org.yaqaza.intelligence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.extraction.MentionEvidence;
import org.yaqaza.intelligence.extraction.TextWindows;
import org.yaqaza.intelligence.screening.NameNormaliser;
import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;

/**
 * The rules a run of words must pass before it is scored as a mention (pure functions, no Quarkus). Examples are
 * real words and names, none from the evaluation corpus.
 */
class MentionEvidenceTest {

    private static Parsed parse(String text) {
        return NameNormaliser.standard().parse(text);
    }

    private static boolean standsAlone(String run, String name) {
        return MentionEvidence.standsAlone(parse(run), parse(name));
    }

    private static boolean agrees(String run, String name) {
        return MentionEvidence.arabicSpellingAgrees(parse(run), parse(name));
    }

    private static boolean vowelsAgree(String run, String... arabicNames) {
        return MentionEvidence.longVowelsAgree(parse(run), List.of(arabicNames).stream().map(n -> parse(n)).toList());
    }

    @Test
    void functionWordsOfTheThreeLanguagesAreNeverAMentionAlone() {
        assertTrue(MentionEvidence.isStopWord("فإن"), "Arabic, hamza written or not");
        assertTrue(MentionEvidence.isStopWord("فان"));
        assertTrue(MentionEvidence.isStopWord("Avec"), "French, capitalised at a sentence start");
        assertTrue(MentionEvidence.isStopWord("Étaient"));
        assertTrue(MentionEvidence.isStopWord("Because"), "English");
        assertFalse(MentionEvidence.isStopWord("Tiflet"));
        assertFalse(MentionEvidence.isStopWord("الرباط"));
        assertFalse(standsAlone("فإن", "فنون"), "a conjunction is not the place Funun");
        assertFalse(standsAlone("Avec", "Abak"));
        assertTrue(standsAlone("Tiflet", "Tiflet"));
    }

    @Test
    void aShortLatinWordAloneMustBeSpelledAsTheName() {
        assertFalse(standsAlone("Des", "ضاس"), "an article read as a transliteration");
        assertFalse(standsAlone("Les", "Lalas"));
        assertTrue(standsAlone("Fès", "Fès"), "a short place name spelled as known");
        assertTrue(standsAlone("Fes", "Fès"), "accents aside");
        assertTrue(standsAlone("Ahmed Fes", "Fès Ahmed"), "runs of two parts are not concerned");
    }

    @Test
    void aWordOpeningASentenceIsCapitalisedByItsPlace() {
        String text = "Selon la source, il a vu Selouane. « Selouane est calme » ; Oujda\n\nNador";
        assertTrue(TextWindows.opensSentence(text, 0));
        assertFalse(TextWindows.opensSentence(text, text.indexOf("Selouane")));
        assertTrue(TextWindows.opensSentence(text, text.indexOf("Selouane", 30)), "after a full stop and a quote");
        assertFalse(TextWindows.opensSentence(text, text.indexOf("Oujda")), "after a semicolon");
        assertTrue(TextWindows.opensSentence(text, text.indexOf("Nador")), "a new paragraph");
        assertFalse(MentionEvidence.spelledAsTheName(parse("Selon"), parse("Selouane")));
        assertTrue(MentionEvidence.spelledAsTheName(parse("Selouane"), parse("Selouane")));
        assertTrue(MentionEvidence.spelledAsTheName(parse("Mohamed Benali"), parse("Mohamed Ben Ali")),
                "a run of two parts is evidence enough");
    }

    @Test
    void arabicTextIsComparedWithArabicNamesAsWrittenNotAsSkeletons() {
        assertFalse(agrees("كتب", "كتاب"), "one skeleton, two words (wrote, book): too short for any tolerance");
        assertFalse(agrees("مسلمين", "مسلمون"));
        assertFalse(agrees("أسامة", "أسماء"), "two names with one skeleton");
        assertTrue(agrees("عبدالإله الوزاني التهامي", "عبد الإله الوزاني التهامي"), "compound joined or apart");
        assertTrue(agrees("التهامي الوزاني", "عبد الإله الوزاني التهامي"), "two of three parts, any order");
        assertTrue(agrees("وزاني", "الوزاني"), "the article written or not");
        assertTrue(agrees("إسماعيل", "اسماعيل"), "hamza on the alef or not");
        assertTrue(agrees("فاطمه", "فاطمة"), "taa marbuta written as haa");
        assertTrue(agrees("مصطفي", "مصطفى"), "alef maqsura written as yaa");
        assertTrue(agrees("مؤمن", "مومن"), "hamza seat");
        assertTrue(agrees("داوود", "داود"), "a long vowel written twice or once");
        assertFalse(agrees("سعيد", "سعد"), "too short for that tolerance: two names");
        assertTrue(agrees("Said", "سعيد"), "Latin text: the skeleton stands for the transliteration");
    }

    @Test
    void latinTextShowsTheLongVowelsOfTheArabicSpelling() {
        assertTrue(vowelsAgree("Mounir", "منير"));
        assertFalse(vowelsAgree("Manar", "منير"), "one skeleton, another name (منار)");
        assertTrue(vowelsAgree("Manar", "منير", "منار"), "any of the entity's Arabic names");
        assertTrue(vowelsAgree("Mohamed Benali", "محمد بنعلي"), "no long vowel: short ones vary freely");
        assertTrue(vowelsAgree("Meknès", "مكناس"), "ا written è");
        assertTrue(vowelsAgree("Marouane", "مروان"), "waw beside alef is the consonant w");
        assertTrue(vowelsAgree("Saeed", "سعيد"), "ee for yaa");
        assertTrue(vowelsAgree("Moussa", "موسى"), "final alef maqsura read a");
        assertTrue(vowelsAgree("Chraibi", "الشرايبي"));
        assertFalse(vowelsAgree("Sadik", "صادوق"), "o/u where the Arabic writes a waw");
        assertTrue(vowelsAgree("Zakaria Moutaouakil"), "no Arabic name: nothing to hold the run to");
        assertFalse(vowelsAgree("Mounr", "منير"), "a spelling that drops the long i");
        assertTrue(MentionEvidence.everyPartSpelledAsInTheName(parse("Mounr"), parse("Mounr Ouali")),
                "... found when the entity is recorded under that spelling");
        assertFalse(MentionEvidence.everyPartSpelledAsInTheName(parse("Mounr"), parse("Mounir Ouali")));
    }
}
