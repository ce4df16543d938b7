using KetamineClinic.Web.Forms;
using Microsoft.AspNetCore.Mvc;

namespace KetamineClinic.Web.Features.SelfCheck;

/// <summary>
/// The answers are scored in the response and forgotten: nothing is stored or logged, and the result
/// is never cached.
/// </summary>
[Route("/self-check")]
public sealed class SelfCheckController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new SelfCheckForm());

    [HttpPost("")]
    [ForgivingFormPost]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Score(IFormCollection form)
    {
        // Read by index rather than list binding, which stops at the first unanswered question.
        var answers = Enumerable.Range(0, Gad7.Items.Count)
            .Select(i => int.TryParse(form[$"Answers[{i}]"].FirstOrDefault(), out var value) ? value : (int?)null)
            .ToList();
        var score = Gad7.Score(answers);
        var problems = FormProblems.Of(HttpContext);
        foreach (var problem in problems.Describe(ModelState).Where(p => p.FieldId is null))
        {
            ModelState.AddModelError("", problem.Message);
        }

        if (score is null || problems.Any)
        {
            for (var i = 0; i < answers.Count; i++)
            {
                if (answers[i] is null or < 0 or > 3)
                {
                    ModelState.AddModelError($"Answers[{i}]", $"Choose an answer for “{Gad7.Items[i]}”.");
                }
            }

            return View("Index", new SelfCheckForm { Answers = answers });
        }

        return View("Result", new SelfCheckResult(score.Value, Gad7.Band(score.Value)));
    }
}

public sealed class SelfCheckForm
{
    public List<int?>? Answers { get; set; }
}

public sealed record SelfCheckResult(int Score, Gad7Band Band);
