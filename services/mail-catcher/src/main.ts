import { startMailCatcher } from './index';

const catcher = await startMailCatcher({
  smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 1025),
  httpPort: Number(process.env.MAIL_HTTP_PORT ?? 8025),
  host: process.env.MAIL_HOST ?? '127.0.0.1',
});
console.log(`mail catcher ready: SMTP ${catcher.smtpUrl}, inbox ${catcher.httpUrl}`);
const stop = () => {
  catcher.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
