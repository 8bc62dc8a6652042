using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Admin.Users;

public sealed class CreateModel(CreateUser handler) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Language { get; set; } = "th";
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Link { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await handler.HandleAsync(new(Input.Email, Input.DisplayName, Input.Password, Input.Language));
        if (outcome is Outcome<CreateUser.Result>.Invalid invalid)
        {
            invalid.Errors.AddTo(ModelState);
            return Page();
        }
        var result = ((Outcome<CreateUser.Result>.Ok)outcome).Value;
        if (result.SetPasswordPath is { } path) Link = UserLinks.Absolute(Request, path);
        return Redirect($"/admin/users/{result.Id}");
    }
}
