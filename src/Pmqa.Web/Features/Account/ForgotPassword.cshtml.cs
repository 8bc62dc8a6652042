using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

/// <summary>Where a person who forgot their password asks for a set-password link by e-mail. The answer is the
/// same whether or not the address has an account (see <see cref="RequestPasswordReset"/>).</summary>
public sealed class ForgotPasswordModel(RequestPasswordReset handler) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(new(Input.Email), ClientAddress.Of(HttpContext), ct);
        if (outcome is Outcome<bool>.Invalid invalid)
        {
            invalid.Errors.AddTo(ModelState);
            return Page();
        }
        Sent = true;
        return Page();
    }
}
