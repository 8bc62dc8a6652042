// The round's "every agency's report" section (ADR 0038): while a job prints, ask the page for the section again every
// few seconds and swap it in, so the progress and then the download link appear without reloading the page.
(() => {
    const every = 3000;
    const poll = async () => {
        const section = document.getElementById('report-prints');
        if (!section || section.dataset.active !== 'true') return;
        try {
            const response = await fetch(section.dataset.statusUrl, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
            if (response.ok) {
                const template = document.createElement('template');
                template.innerHTML = await response.text();
                const fresh = template.content.getElementById('report-prints');
                if (fresh) section.replaceWith(fresh);
            }
        } catch { /* offline for a moment: the next poll tries again */ }
        setTimeout(poll, every);
    };
    setTimeout(poll, every);
})();
