// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
//
// The visitor's side of the out-of-hours chat bot, played in the browser on
// /im_livechat/support/<channel> by test_tour_livechat_chatbot.py. That page
// loads only the live chat's own bundle (no tour runner), so the steps are
// driven here: click, type, wait for the bot. "test successful" ends it,
// console.error fails it.
(async () => {
    const TIMEOUT = 30000;
    const root = () => document.querySelector(".o-livechat-root")?.shadowRoot;

    async function waitFor(selector, text = "") {
        const start = Date.now();
        while (Date.now() - start < TIMEOUT) {
            const found = [...(root()?.querySelectorAll(selector) || [])].find((el) =>
                el.textContent.includes(text)
            );
            if (found) {
                return found;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new Error(`Not found after ${TIMEOUT} ms: ${selector} "${text}"`);
    }

    async function say(text) {
        const input = await waitFor(".o-mail-Composer-input");
        input.focus();
        input.value = text;
        input.dispatchEvent(new Event("input", {bubbles: true}));
        await new Promise((resolve) => setTimeout(resolve, 200));
        input.dispatchEvent(
            new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true})
        );
        await waitFor(".o-mail-Message", text);
    }

    try {
        await odoo.livechatReady;
        (await waitFor(".o-livechat-LivechatButton")).click();
        await waitFor(".o-mail-Message", "Our specialists are away");
        await waitFor(".o-mail-Message", "What is your question?");
        await say("发票抬头写错了怎么改");
        await waitFor(".o-mail-Message", "These articles may answer your question");
        await waitFor(".o-mail-Message", "如何修改发票抬头");
        await waitFor(".o-mail-Message", "Did this help?");
        (await waitFor(".o-mail-Message li", "No")).click();
        await waitFor(".o-mail-Message", "What is your e-mail address?");
        await say("huamei.bot@example.com");
        await waitFor(".o-mail-Message", "I have opened a ticket");
        await waitFor(".o-mail-Message", "Thank you!");
        console.log("test successful");
    } catch (error) {
        console.error(`Out-of-hours chat bot: ${error.message}`);
    }
})();
