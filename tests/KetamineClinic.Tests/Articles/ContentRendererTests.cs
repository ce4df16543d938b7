using KetamineClinic.Web.Features.Articles;

namespace KetamineClinic.Tests.Articles;

public sealed class ContentRendererTests
{
    private readonly ContentRenderer _renderer = new();

    private ContentDocument Render(string markdown, string file = "articles/fixture-article.md", ContentKind kind = ContentKind.Article) =>
        _renderer.Render(markdown, file, kind);

    [Fact]
    public void Front_matter_fields_are_read_into_the_document()
    {
        var document = Render("""
            ---
            title: "Breathing exercises"
            description: "How slow breathing calms the body."
            published: 2026-03-01
            updated: 2026-04-15
            author: "A. Writer"
            reviewedBy: "Dr. B. Reviewer, MD"
            tags: [Anxiety, self-care]
            order: 2
            keyPoints: ["Slow breathing calms.", "Practice daily."]
            ---

            Breathe in slowly.
            """);

        Assert.Equal("Breathing exercises", document.Title);
        Assert.Equal("How slow breathing calms the body.", document.Description);
        Assert.Equal(new DateOnly(2026, 3, 1), document.Published);
        Assert.Equal(new DateOnly(2026, 4, 15), document.Updated);
        Assert.Equal("A. Writer", document.Author);
        Assert.Equal("Dr. B. Reviewer, MD", document.ReviewedBy);
        Assert.Equal(["anxiety", "self-care"], document.Tags);
        Assert.Equal(2, document.Order);
        Assert.Equal(["Slow breathing calms.", "Practice daily."], document.KeyPoints);
        Assert.Equal("/articles/fixture-article", document.Path);
    }

    [Fact]
    public void Slug_defaults_to_the_file_name_and_optional_fields_may_be_missing()
    {
        var document = Render(TempContentFolder.Article(), "articles/Calm-Mornings.md");

        Assert.Equal("calm-mornings", document.Slug);
        Assert.Null(document.Published);
        Assert.Null(document.Updated);
        Assert.Null(document.Author);
        Assert.Null(document.ReviewedBy);
        Assert.Null(document.Order);
        Assert.Empty(document.Tags);
        Assert.Null(document.LastModified);
    }

    [Fact]
    public void An_explicit_slug_wins_over_the_file_name()
    {
        var document = Render(TempContentFolder.Article(extraFrontMatter: "slug: better-name"), "articles/old-name.md");
        Assert.Equal("better-name", document.Slug);
    }

    [Theory]
    [InlineData("Click <javascript:alert(1)> now.", "'javascript:alert(1)' on line")]
    [InlineData("See <data:text/html;base64,PHNjcmlwdD4=>.", "'data:text/html;base64,PHNjcmlwdD4=' on line")]
    [InlineData("Open <vbscript:msgbox(1)>.", "'vbscript:msgbox(1)' on line")]
    public void An_autolink_is_held_to_the_same_schemes_as_other_links(string body, string reason)
    {
        var error = Assert.Throws<ContentException>(() => Render(TempContentFolder.Article(body: "Intro.\n\n" + body)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"on line \d+", error.Message);
    }

    [Fact]
    public void Web_and_email_autolinks_are_kept()
    {
        var document = Render(TempContentFolder.Article(body: "Write to <care@clinic.example> or see <https://988lifeline.org>."));
        Assert.Contains("href=\"mailto:care@clinic.example\"", document.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://988lifeline.org\"", document.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ndescription: \"No title here.\"\n---\n\nText.", "'title'")]
    [InlineData("---\ntitle: \"No description\"\n---\n\nText.", "'description'")]
    [InlineData("---\ntitle: [unclosed\ndescription: x\n---\n\nText.", "not valid YAML")]
    [InlineData("---\ntitle: \"T\"\ndescription: \"D\"\npublished: 12/03/2026\n---\n\nText.", "yyyy-MM-dd")]
    [InlineData("---\ntitle: \"T\"\ndescription: \"D\"\nauthr: typo\n---\n\nText.", "not valid YAML")]
    [InlineData("No front matter at all.", "front matter")]
    [InlineData("---\ntitle: \"T\"\ndescription: \"D\"\nslug: \"Not A Slug\"\n---\n\nText.", "slug")]
    [InlineData("---\ntitle: \"T\"\ndescription: \"D\"\n---\n\n# A second h1\n", "h1")]
    [InlineData("---\ntitle: \"T\"\ndescription: \"D\"\n---\n\nCited.[^missing]\n", "[^missing]")]
    [InlineData("---\ntitle: \"T\"\ndescription: \"D\"\n---\n\n[click](javascript:alert(1))\n", "scheme")]
    public void A_file_that_cannot_be_published_is_rejected_with_the_reason(string markdown, string reason)
    {
        var error = Assert.Throws<ContentException>(() => Render(markdown));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_points_are_read_in_order_as_plain_sentences()
    {
        var document = Render("""
            ---
            title: "Breathing exercises"
            description: "How slow breathing calms the body."
            keyPoints:
              - "Slow breathing can calm the body."
              - "  Practice for a few minutes a day.  "
              - "It's not a cure."
            ---

            Breathe in slowly.
            """);

        Assert.Equal(["Slow breathing can calm the body.", "Practice for a few minutes a day.", "It's not a cure."], document.KeyPoints);
    }

    [Theory]
    [InlineData("", "needs 'keyPoints'")]
    [InlineData("keyPoints: []", "needs 'keyPoints'")]
    [InlineData("keyPoints: [\"Only one.\"]", "has 1 points; write 2 to 5")]
    [InlineData("keyPoints: [a, b, c, d, e, f]", "has 6 points; write 2 to 5")]
    [InlineData("keyPoints: [\"One.\", \" \"]", "point 2 is empty")]
    [InlineData("keyPoints: [\"One.\", \"It is **really** safe.\"]", "point 2 must be plain text")]
    [InlineData("keyPoints: [\"See [the FAQ](/faq).\", \"Two.\"]", "point 1 must be plain text")]
    [InlineData("keyPoints: [\"<b>One</b>\", \"Two.\"]", "point 1 must be plain text")]
    public void An_article_without_a_short_plain_list_of_key_points_is_refused(string keyPoints, string reason)
    {
        var error = Assert.Throws<ContentException>(() => Render($"---\ntitle: \"T\"\ndescription: \"D\"\n{keyPoints}\n---\n\nText."));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_point_longer_than_a_short_sentence_is_refused()
    {
        var longPoint = string.Join(' ', Enumerable.Repeat("word", 45));
        var error = Assert.Throws<ContentException>(() => Render($"---\ntitle: \"T\"\ndescription: \"D\"\nkeyPoints: [\"{longPoint}\", \"Two.\"]\n---\n\nText."));
        Assert.Contains("point 1 has 224 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_points_belong_to_articles_only()
    {
        var error = Assert.Throws<ContentException>(() => Render(TempContentFolder.Article(), "pages/treatment.md", ContentKind.Page));
        Assert.Contains("'keyPoints' is shown on articles only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_course_timeline_marker_leaves_a_place_for_the_clinics_timeline()
    {
        var document = Render(TempContentFolder.Article(body: """
            Here is our usual schedule.

            :::course-timeline
            :::

            Ask us anything.
            """));

        var parts = document.Html.Split(ContentRenderer.CourseTimelinePlaceholder);
        Assert.Equal(2, parts.Length);
        Assert.Contains("usual schedule", parts[0], StringComparison.Ordinal);
        Assert.Contains("Ask us anything", parts[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":::warning\n:::", "':::warning' on line")]
    [InlineData(":::course-timeline\nSix sessions.\n:::", "must be empty")]
    [InlineData(":::course-timeline weekly\n:::", "must be empty")]
    public void Other_blocks_and_a_filled_timeline_marker_are_refused(string body, string reason)
    {
        var error = Assert.Throws<ContentException>(() => Render(TempContentFolder.Article(body: body)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_faq_cannot_hold_the_timeline()
    {
        var error = Assert.Throws<ContentException>(() => Render(TempContentFolder.Page(body: "## How long?\n\n:::course-timeline\n:::"), "faq.md", ContentKind.Faq));
        Assert.Contains("cannot be used in the FAQ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_in_markdown_comes_out_as_text()
    {
        var document = Render(TempContentFolder.Article(body: """
            Before <script>alert('x')</script> after.

            <div onclick="steal()">block</div>
            """));

        Assert.DoesNotContain("<script", document.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div onclick", document.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", document.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;div onclick=", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_ids_and_h2_h3_make_the_table_of_contents()
    {
        var document = Render(TempContentFolder.Article(body: """
            ## What "off-label" means

            Text.

            ### A smaller point

            Text.

            #### Too deep for the contents

            ## Next steps
            """));

        Assert.Equal(
            [new TocEntry(2, "what-off-label-means", "What “off-label” means"), new TocEntry(3, "a-smaller-point", "A smaller point"), new TocEntry(2, "next-steps", "Next steps")],
            document.TableOfContents);
        Assert.Contains("<h2 id=\"what-off-label-means\">", document.Html, StringComparison.Ordinal);
        Assert.Contains("<h4 id=\"too-deep-for-the-contents\">", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_other_hosts_get_noopener_and_say_they_leave_the_site()
    {
        var document = Render(TempContentFolder.Article(body: "See [the study](https://example.org/study), [a mirror](//cdn.example/x) and [our FAQ](/faq)."));

        Assert.Contains("<a href=\"https://example.org/study\" class=\"external\" rel=\"noopener\">the study<span class=\"visually-hidden\"> (external site)</span></a>", document.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"//cdn.example/x\" class=\"external\" rel=\"noopener\">", document.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/faq\">our FAQ</a>", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Footnotes_render_as_a_sources_section_linked_from_the_text()
    {
        var document = Render(TempContentFolder.Article(body: """
            A claim.[^smith]

            [^smith]: Smith J. "A study." *Journal*, 2020.
            """));

        Assert.Contains("href=\"#fn:1\"", document.Html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"sources-heading\">Sources</h2>", document.Html, StringComparison.Ordinal);
        Assert.Contains("<li id=\"fn:1\">", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_and_their_way_back_say_what_they_are()
    {
        var document = Render(TempContentFolder.Article(body: """
            A claim.[^smith] Another claim, from the same study.[^smith]

            [^smith]: Smith J. "A study." *Journal*, 2020.
            """));

        Assert.Contains("<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\" aria-label=\"Source 1\"><sup>1</sup></a>", document.Html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Back to the text, citation 1 of 2\"", document.Html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Back to the text, citation 2 of 2\"", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_side_by_side_are_refused_because_markdig_would_drop_one()
    {
        var error = Assert.Throws<ContentException>(() => Render(TempContentFolder.Article(body: """
            A claim.[^smith][^jones]

            [^smith]: Smith J. "A study." *Journal*, 2020.
            [^jones]: Jones K. "Another study." *Journal*, 2021.
            """)));

        Assert.Contains("[^smith] is defined but never cited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_separated_by_a_comma_each_keep_their_source()
    {
        var document = Render(TempContentFolder.Article(body: """
            A claim.[^smith], [^jones]

            [^smith]: Smith J. "A study." *Journal*, 2020.
            [^jones]: Jones K. "Another study." *Journal*, 2021.
            """));

        Assert.Contains("Smith J.", document.Html, StringComparison.Ordinal);
        Assert.Contains("Jones K.", document.Html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Source 2\"", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_and_smart_typography_are_rendered()
    {
        var document = Render(TempContentFolder.Article(body: """
            It's "quoted" -- and done...

            | Step | Time |
            |------|------|
            | Rest | 1 h  |
            """));

        Assert.Contains("<table>", document.Html, StringComparison.Ordinal);
        Assert.Contains("&ldquo;quoted&rdquo;", document.Html, StringComparison.Ordinal);
        Assert.Contains("&hellip;", document.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_time_follows_the_word_count()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 450));
        var document = Render(TempContentFolder.Article(body: words));

        Assert.Equal(450, document.WordCount);
        Assert.Equal(3, document.ReadingMinutes);
    }

    [Fact]
    public void The_faq_is_split_into_questions_with_their_own_answers()
    {
        var document = Render("""
            ---
            title: "FAQ"
            description: "Questions."
            ---

            ## Does it hurt?

            No. See [the study](https://example.org).

            ## How long is a session?

            About an hour.

            - Rest after.
            """, "faq.md", ContentKind.Faq);

        Assert.Equal(2, document.Questions.Count);
        Assert.Equal("Does it hurt?", document.Questions[0].Question);
        Assert.Equal("does-it-hurt", document.Questions[0].Id);
        Assert.Contains("rel=\"noopener\"", document.Questions[0].AnswerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("session", document.Questions[0].AnswerHtml, StringComparison.Ordinal);
        Assert.Contains("<li>Rest after.</li>", document.Questions[1].AnswerHtml, StringComparison.Ordinal);
        Assert.Equal("About an hour.\nRest after.", document.Questions[1].AnswerText.ReplaceLineEndings("\n"));
        Assert.Equal("/faq", document.Path);
    }

    [Fact]
    public void Topic_headings_group_the_faq_questions_below_them()
    {
        var document = Render("""
            ---
            title: "FAQ"
            description: "Questions."
            ---

            ## Safety and side effects

            ### Does it hurt?

            No.

            ### Can I drive home?

            Not until the next day.

            ## Cost

            ### Does insurance cover it?

            Sometimes.
            """, "faq.md", ContentKind.Faq);

        Assert.Equal(["Safety and side effects", "Cost"], document.FaqTopics.Select(t => t.Label));
        Assert.Equal(["safety-and-side-effects", "cost"], document.FaqTopics.Select(t => t.Id));
        Assert.Equal(["Does it hurt?", "Can I drive home?"], document.FaqTopics[0].Questions.Select(q => q.Question));
        Assert.Equal(["Does it hurt?", "Can I drive home?", "Does insurance cover it?"], document.Questions.Select(q => q.Question));
        Assert.Equal("can-i-drive-home", document.Questions[1].Id);
        Assert.Equal("Not until the next day.", document.Questions[1].AnswerText);
        Assert.DoesNotContain("Cost", document.Questions[1].AnswerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_faq_without_topic_headings_has_no_topics()
    {
        var document = Render(TempContentFolder.Page("FAQ", body: "## Why?\n\nBecause."), "faq.md", ContentKind.Faq);

        Assert.Empty(document.FaqTopics);
        Assert.Equal("Why?", Assert.Single(document.Questions).Question);
    }

    [Theory]
    [InlineData("## Safety\n\nSome words.\n\n### Is it safe?\n\nYes.", "the FAQ topic 'Safety' on line")]
    [InlineData("### Is it safe?\n\nYes.\n\n## Safety\n\n### Why?\n\nBecause.", "the FAQ question 'Is it safe?' on line")]
    [InlineData("## Safety\n\n### Is it safe?\n\nYes.\n\n## Cost\n", "the FAQ topic 'Cost' on line")]
    public void A_faq_topic_holds_only_questions_and_every_question_has_a_topic(string body, string expected)
    {
        var error = Assert.Throws<ContentException>(() => Render(TempContentFolder.Page(body: body), "faq.md", ContentKind.Faq));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
