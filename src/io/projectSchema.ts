// The project file's schema name, apart from the reader (projectFile.ts: zod, fflate) so that the page can write it
// into a project without loading the reader.
export const PROJECT_SCHEMA = 'usrm-project/2';
