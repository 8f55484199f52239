import type { Response } from 'express';
import type { Download } from './export.service';

/** An Express response as a download: status, type and file name are set when the first byte is ready. */
export const download = (res: Response): Download => ({
  begin(contentType, fileName) {
    res.status(200);
    res.setHeader('content-type', contentType);
    res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  },
  body: res,
});
